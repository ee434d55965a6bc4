package org.wargeys.platform;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers domain events to the features that listen for them, synchronously, on the publishing
 * thread, so that a listener's work (a cache purge, an index update) is done when the publishing call
 * returns. A failing listener is logged and does not stop the others. Thread-safe.
 */
public final class EventBus {

    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private final Map<Class<?>, List<Consumer<Object>>> listeners = new ConcurrentHashMap<>();

    public <E> void subscribe(Class<E> type, Consumer<? super E> listener) {
        listeners
                .computeIfAbsent(type, t -> new CopyOnWriteArrayList<>())
                .add(event -> listener.accept(type.cast(event)));
    }

    public void publish(Object event) {
        for (Consumer<Object> listener : listeners.getOrDefault(event.getClass(), List.of())) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.error("A listener failed on {}", event, e);
            }
        }
    }
}
