package org.wargeys.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries every {@link SharedEvent} to the other nodes on the same PostgreSQL database, so that each
 * node's page cache and search index follow a change made on any of them. An event published on this
 * node's {@link EventBus} is sent with {@code pg_notify} after this node's own listeners ran; each node
 * listens on one dedicated connection and publishes what arrives on its own bus, where the same
 * listeners as for a local change (index, purge) do the same work. The event's type travels as its
 * class name, and only a class that implements {@link SharedEvent} is ever read back.
 *
 * <p>Why LISTEN/NOTIFY: the database is the one thing every node already shares; no broker to run. Its
 * limit: a node that loses its listening connection misses what was sent meanwhile, so after it
 * reconnects it runs {@code resync} (drop every cached page, re-read the index from the database).
 *
 * <p>On SQLite there is one node by design, and this does nothing. Thread-safe; close once.
 */
public final class ClusterEvents implements AutoCloseable {

    static final String CHANNEL = "wargeys_events";
    private static final Logger LOG = LoggerFactory.getLogger(ClusterEvents.class);
    private static final long RETRY_MILLIS = 1_000;
    /** PostgreSQL's limit on a notification's payload is 8,000 bytes. */
    static final int MAX_PAYLOAD_BYTES = 7_900;

    private final String node = UUID.randomUUID().toString();
    private final Database database;
    private final EventBus events;
    private final java.util.List<Runnable> resync = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Optional<Class<?>>> types = new ConcurrentHashMap<>();
    // Set while an event that came from another node is published here, so it is not sent back out.
    private final ThreadLocal<Boolean> replaying = ThreadLocal.withInitial(() -> false);
    private final CountDownLatch listening = new CountDownLatch(1);
    private final Thread listener;
    private volatile boolean running = true;
    private final java.util.concurrent.atomic.LongAdder sent = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder resyncs = new java.util.concurrent.atomic.LongAdder();

    private ClusterEvents(Database database, EventBus events) {
        this.database = database;
        this.events = events;
        this.listener = new Thread(this::hear, "wargeys-cluster-events");
        listener.setDaemon(true);
    }

    /**
     * Forwards every shared event published on this node to the others when the database is
     * PostgreSQL (a terminal command's changes too); {@link #listen} hears theirs.
     */
    public static ClusterEvents create(Database database, EventBus events) {
        ClusterEvents cluster = new ClusterEvents(database, events);
        if (database.dialect() == Dialect.POSTGRESQL) {
            events.forwardWith(event -> {
                if (event instanceof SharedEvent && !cluster.replaying.get()) cluster.send(event);
            });
        }
        return cluster;
    }

    /** Starts hearing the other nodes (a serving node); on SQLite there are none. */
    public synchronized void listen() {
        if (database.dialect() == Dialect.POSTGRESQL && !listener.isAlive() && running) listener.start();
        else listening.countDown();
    }

    /**
     * Sends an event to the other nodes only (this node has done the work another way): for a change
     * too large to name in a notification, such as an import, ask them to rebuild and purge.
     */
    public void tellOthers(SharedEvent event) {
        if (database.dialect() == Dialect.POSTGRESQL && !replaying.get()) send(event);
    }

    /**
     * Work to do after this node lost its line to the others and got it back: what they changed
     * meanwhile is unknown (each feature drops or re-reads what it keeps).
     */
    public void onResync(Runnable work) {
        resync.add(work);
    }

    /** True on the thread applying another node's change, while it does (its CDN purge was already sent). */
    public boolean replaying() {
        return replaying.get();
    }

    /** Waits until the listening connection is open (tests, and a node's start-up). */
    public boolean awaitListening(long timeout, TimeUnit unit) throws InterruptedException {
        return listening.await(timeout, unit);
    }

    /** How many times this node caught up after losing its line to the others (metrics; tests wait for it). */
    public long resyncs() {
        return resyncs.sum();
    }

    /** How many notifications this node sent to the others since it started (metrics; tests count them). */
    public long sent() {
        return sent.sum();
    }

    private void send(Object event) {
        ObjectNode message = json.createObjectNode();
        message.put("node", node);
        message.put("type", event.getClass().getName());
        message.set("event", json.valueToTree(event));
        String payload = message.toString();
        if (payload.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            // PostgreSQL refuses it; say which event is too large to share instead of failing obscurely.
            throw new IllegalArgumentException(
                    event.getClass().getSimpleName() + " is too large to send to the other nodes (" + payload.length()
                            + " characters; a notification holds " + MAX_PAYLOAD_BYTES + " bytes)");
        }
        database.jdbi()
                .useHandle(h -> h.createQuery("SELECT 1 FROM pg_notify(:channel, :payload)")
                        .bind("channel", CHANNEL)
                        .bind("payload", payload)
                        .mapTo(Integer.class)
                        .one());
        sent.increment();
    }

    private void hear() {

        boolean connectedBefore = false;
        while (running) {
            try (Connection connection = database.openDedicatedConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (connectedBefore) {
                    LOG.info("Listening to the other nodes again; resynchronizing what may have been missed");
                    resync.forEach(ClusterEvents::runLogged);
                    resyncs.increment();
                }
                connectedBefore = true;
                listening.countDown();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications == null) continue;
                    for (PGNotification n : notifications) receive(n.getParameter());
                }
            } catch (SQLException e) {
                if (!running) return;
                LOG.warn("Lost the connection that hears other nodes' changes ({}); retrying", e.getMessage());
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void receive(String payload) {
        try {
            JsonNode message = json.readTree(payload);
            if (node.equals(message.path("node").asText())) return;
            Optional<Class<?>> type = types.computeIfAbsent(message.path("type").asText(), ClusterEvents::sharedType);
            if (type.isEmpty()) return; // a newer node's event this version does not know
            Object event = json.treeToValue(message.path("event"), type.get());
            replaying.set(true);
            try {
                events.publish(event);
            } finally {
                replaying.set(false);
            }
        } catch (java.io.IOException | RuntimeException e) {
            LOG.error("Could not apply another node's change {}", payload, e);
        }
    }

    private static void runLogged(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.error("Resynchronizing after a lost connection failed", e);
        }
    }

    /** The class of a shared event by name; empty for anything else, so a payload can name no other class. */
    private static Optional<Class<?>> sharedType(String name) {
        try {
            Class<?> type = Class.forName(name, false, ClusterEvents.class.getClassLoader());
            return SharedEvent.class.isAssignableFrom(type) && type.isRecord() ? Optional.of(type) : Optional.empty();
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        // No interrupt: the listener wakes from its 500 ms wait and sees the flag.
        running = false;
        try {
            listener.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
