package org.wargeys.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BooleanSupplier;

/**
 * The checks a node must pass before a load balancer sends it readers, by name: each feature adds
 * its own (the search index, for one), the health check reads them all. Thread-safe.
 */
public final class Readiness {

    private final Map<String, BooleanSupplier> checks = new ConcurrentSkipListMap<>();

    public void add(String name, BooleanSupplier ready) {
        checks.put(name, ready);
    }

    /** Each check's current answer, by name, in name order. */
    public Map<String, Boolean> states() {
        Map<String, Boolean> states = new java.util.LinkedHashMap<>();
        checks.forEach((name, check) -> {
            boolean ok;
            try {
                ok = check.getAsBoolean();
            } catch (RuntimeException e) {
                ok = false;
            }
            states.put(name, ok);
        });
        return states;
    }
}
