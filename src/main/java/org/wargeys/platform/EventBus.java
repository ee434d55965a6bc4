package org.wargeys.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers domain events to the features that listen for them, synchronously, on the publishing
 * thread, so that a listener's work (a cache purge, an index update) is done when the publishing call
 * returns. A listener subscribed to a type hears its subtypes too (the search index subscribes to every
 * article event at once). Listeners run in the order they subscribed; the outbound forwarder (the
 * other nodes) runs after all of them. A failing listener is logged and does not stop the others.
 * Thread-safe.
 */
public final class EventBus {

    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private record Subscription(Class<?> type, Consumer<Object> listener) {}

    private record WithinSubscription(Class<?> type, BiConsumer<Tx, Object> listener) {}

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final List<WithinSubscription> within = new CopyOnWriteArrayList<>();
    // The listeners of each concrete event class, worked out on its first publication.
    private final Map<Class<?>, List<Consumer<Object>>> byClass = new ConcurrentHashMap<>();
    private volatile Consumer<Object> outbound = event -> {};

    public <E> void subscribe(Class<E> type, Consumer<? super E> listener) {
        subscriptions.add(new Subscription(type, event -> listener.accept(type.cast(event))));
        byClass.clear();
    }

    /**
     * Hears an event on the announcing use case's own transaction, once the use case's work is done,
     * just before the commit: what the listener writes commits or rolls back with the change (an
     * outbox: the desk's notifications of a step, a webhook's delivery; never one for a change that
     * was rolled back, never a change without them). Events the listener announces are heard too.
     * Unlike {@link #subscribe}, a failing listener fails the use case. Keep such listeners to a few
     * quick statements.
     */
    public <E> void subscribeWithin(Class<E> type, BiConsumer<Tx, ? super E> listener) {
        within.add(new WithinSubscription(type, (tx, event) -> listener.accept(tx, type.cast(event))));
    }

    /** Delivers an event announced on a transaction to the listeners that hear it there. */
    void deliverWithin(Tx tx, Object event) {
        for (WithinSubscription s : within) {
            if (s.type().isAssignableFrom(event.getClass())) s.listener().accept(tx, event);
        }
    }

    /** The one listener that runs after all others: forwarding to the other nodes ({@link ClusterEvents}). */
    void forwardWith(Consumer<Object> forwarder) {
        this.outbound = forwarder;
    }

    public void publish(Object event) {
        for (Consumer<Object> listener : byClass.computeIfAbsent(event.getClass(), this::listenersOf)) {
            deliver(listener, event);
        }
        deliver(outbound, event);
    }

    private List<Consumer<Object>> listenersOf(Class<?> eventClass) {
        List<Consumer<Object>> matching = new ArrayList<>();
        for (Subscription s : subscriptions) {
            if (s.type().isAssignableFrom(eventClass)) matching.add(s.listener());
        }
        return List.copyOf(matching);
    }

    private static void deliver(Consumer<Object> listener, Object event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            LOG.error("A listener failed on {}", event, e);
        }
    }
}
