package org.wargeys.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.wargeys.platform.Database;
import org.wargeys.platform.Readiness;
import org.wargeys.platform.StorageMonitor;

/**
 * The node's health for monitors and load balancers, never cached, each answered within
 * {@link #PROBE_MILLIS} however the database behaves:
 *
 * <ul>
 *   <li>{@code /healthz}: {@code ok}; {@code degraded} (200) while the disk is full, read-only or
 *       nearly full; {@code unavailable} (503) while the database does not answer. Cached pages keep
 *       being served meanwhile.
 *   <li>{@code /readyz}: 200 only when the database answers, the disk takes writes and every feature's
 *       readiness check passes (the search index is not being built from nothing), else 503.
 *   <li>{@code /livez}: 200 while the program runs (a liveness probe must not restart a node whose
 *       database is away).
 * </ul>
 */
public final class HealthCheck {

    /** The longest a probe of the database may take before it counts as not answering. */
    static final long PROBE_MILLIS = 1_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;
    private final StorageMonitor storage;
    private final Readiness readiness;
    // Probes run here, so that a hung database never holds a request thread past the bound.
    private final ExecutorService probes = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "wargeys-health-probe");
        thread.setDaemon(true);
        return thread;
    });

    HealthCheck(Database database, StorageMonitor storage, Readiness readiness) {
        this.database = database;
        this.storage = storage;
        this.readiness = readiness;
    }

    public void check(Context ctx) {
        boolean up = databaseAnswers();
        var failure = storage.lastFailure();
        boolean degraded = failure.isPresent() || storage.lowOnSpace();
        ObjectNode body = JSON.createObjectNode();
        body.put("status", !up ? "unavailable" : degraded ? "degraded" : "ok");
        ObjectNode db = body.putObject("database");
        db.put("kind", database.dialect().name().toLowerCase(Locale.ROOT));
        db.put("up", up);
        ObjectNode disk = body.putObject("storage");
        disk.put("free_bytes", storage.freeBytes());
        disk.put("low_on_space", storage.lowOnSpace());
        failure.ifPresent(f -> {
            disk.put("last_failure", f.kind().name().toLowerCase(Locale.ROOT));
            disk.put("last_failure_at", f.at().toString());
        });
        answer(ctx, up ? 200 : 503, body);
    }

    public void ready(Context ctx) {
        boolean up = databaseAnswers();
        boolean writable = storage.writable();
        var checks = readiness.states();
        boolean ready = up && writable && checks.values().stream().allMatch(Boolean::booleanValue);
        ObjectNode body = JSON.createObjectNode();
        body.put("status", ready ? "ready" : "not_ready");
        body.put("database", up);
        body.put("disk_writable", writable);
        checks.forEach(body::put);
        answer(ctx, ready ? 200 : 503, body);
    }

    public void alive(Context ctx) {
        answer(ctx, 200, JSON.createObjectNode().put("status", "alive"));
    }

    private boolean databaseAnswers() {
        try {
            return CompletableFuture.supplyAsync(database::isHealthy, probes).get(PROBE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return false;
        }
    }

    private static void answer(Context ctx, int status, ObjectNode body) {
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json");
        ctx.result(body.toString());
    }
}
