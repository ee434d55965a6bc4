package org.wargeys.platform;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * One open write transaction of a use case: its database handle and the events it will announce once
 * it commits (none if it rolls back). Belongs to one thread; never kept past the use case.
 */
public final class Tx {

    private final Handle handle;
    private final List<Object> announced = new ArrayList<>();

    Tx(Handle handle) {
        this.handle = handle;
    }

    public Handle handle() {
        return handle;
    }

    /**
     * Publishes the event on the event bus after the commit, in the order announced; an equal event only
     * once. Listeners that hear events within the transaction ({@link EventBus#subscribeWithin}) hear
     * it just before the commit.
     */
    public void announce(Object event) {
        if (announced.contains(event)) return;
        announced.add(event);
    }

    List<Object> announced() {
        return announced;
    }
}
