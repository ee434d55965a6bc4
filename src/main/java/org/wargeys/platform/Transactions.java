package org.wargeys.platform;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Runs each use case in one database transaction: everything it writes, its audit line included,
 * commits together or not at all, and the events it announced are published after the commit (a cache
 * never drops a page for a change that was rolled back, and the other nodes hear of it only once it is
 * visible to them). A use case that calls another joins its transaction. Thread-safe.
 */
public final class Transactions {

    private final Jdbi jdbi;
    private final EventBus events;
    private final ThreadLocal<Tx> current = new ThreadLocal<>();
    private final LongAdder commits = new LongAdder();

    private final StorageMonitor storage;

    public Transactions(Jdbi jdbi, EventBus events) {
        this(jdbi, events, null);
    }

    Transactions(Jdbi jdbi, EventBus events, StorageMonitor storage) {
        this.jdbi = jdbi;
        this.events = events;
        this.storage = storage;
    }

    public <T> T write(Function<Tx, T> work) {
        return write(null, work);
    }

    /**
     * A use case whose rule spans rows it does not write (the last administrator): serializable on
     * PostgreSQL, so that two such changes at the same moment cannot both pass (one fails with SQL
     * state 40001). SQLite runs one writer at a time anyway.
     */
    public <T> T writeSerializable(Function<Tx, T> work) {
        return write(TransactionIsolationLevel.SERIALIZABLE, work);
    }

    private <T> T write(TransactionIsolationLevel isolation, Function<Tx, T> work) {
        Tx open = current.get();
        if (open != null) return work.apply(open);
        Tx[] tx = new Tx[1];
        T result;
        HandleCallback<T, RuntimeException> body = h -> {
            tx[0] = new Tx(h);
            current.set(tx[0]);
            T done = work.apply(tx[0]);
            heardWithin(tx[0]);
            return done;
        };
        try {
            result = isolation == null ? jdbi.inTransaction(body) : jdbi.inTransaction(isolation, body);
        } catch (RuntimeException e) {
            // Rolled back. A storage failure says so plainly; a rule broken or a bug stays as it is.
            var failure = StorageFailure.of(e);
            if (failure.isEmpty()) throw e;
            if (storage != null) storage.failed(failure.get());
            throw failure.get();
        } finally {
            current.remove();
        }
        commits.increment();
        if (storage != null) storage.succeeded();

        List<Object> announced = List.copyOf(tx[0].announced());
        announced.forEach(events::publish);
        return result;
    }

    // The listeners that hear events on the transaction (EventBus.subscribeWithin) hear them now, when
    // the use case's work is done and its rows are final, just before the commit. They may announce
    // more events; each is heard once, in the order announced.
    private void heardWithin(Tx tx) {
        for (int i = 0; i < tx.announced().size(); i++)
            events.deliverWithin(tx, tx.announced().get(i));
    }

    public void run(Consumer<Tx> work) {
        write(tx -> {
            work.accept(tx);
            return null;
        });
    }

    /** How many use-case transactions committed since the program started (tests count them). */
    public long commits() {
        return commits.sum();
    }
}
