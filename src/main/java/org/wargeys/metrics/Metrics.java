package org.wargeys.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.wargeys.mail.MailModule;
import org.wargeys.platform.Platform;
import org.wargeys.search.SearchModule;
import org.wargeys.web.RequestObserver;
import org.wargeys.web.WebModule;
import org.wargeys.webhook.WebhookModule;

/**
 * The meters: requests by route and status with latency buckets, the page cache (hits, misses,
 * renders, bytes, purges, the purge hook), the database (commits, statements, the pool), the search
 * index (commits, size, lag behind the article journal), the line to other nodes, the disk, and the
 * JVM. Most read counters the program keeps anyway, when scraped. Thread-safe.
 */
final class Metrics implements RequestObserver, AutoCloseable {

    /** Latency buckets: a cached page takes about a millisecond, a rendered one a few, search tens. */
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(1),
        Duration.ofMillis(2),
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10)
    };

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final JvmGcMetrics gc = new JvmGcMetrics();
    // Micrometer keeps only weak references to what its counters and gauges read; these suppliers
    // exist nowhere else, so they are held here for as long as the meters.
    private final java.util.List<Supplier<Number>> held = new java.util.concurrent.CopyOnWriteArrayList<>();

    Metrics(
            MeterRegistry registry,
            Platform platform,
            WebModule web,
            SearchModule search,
            WebhookModule webhooks,
            MailModule mail) {
        this.registry = registry;
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);

        gauge("wargeys.http.in_flight", "Requests being answered right now", web::requestsInFlight);
        var cache = web.pageCache();
        counter("wargeys.page_cache.hits", "Requests answered from the page cache", cache::hits);
        counter("wargeys.page_cache.misses", "Requests for a cacheable page that was not in memory", cache::misses);
        counter("wargeys.page_cache.renders", "Pages rendered for the page cache", cache::renders);
        counter("wargeys.page_cache.served_bytes", "Bytes of pages sent, hits and misses", cache::bytesServed);
        counter("wargeys.page_cache.purges", "Purges asked of the page cache", cache::purges);
        gauge("wargeys.page_cache.bytes", "Bytes of pages kept in memory", cache::bytesKept);
        gauge("wargeys.page_cache.pages", "Pages kept in memory", cache::size);
        counter("wargeys.purge_hook.sent", "Purges the cache in front answered", web::purgesSent);
        counter("wargeys.purge_hook.failures", "Purges the cache in front did not take", web::purgeFailures);

        var database = platform.database();
        counter("wargeys.db.commits", "Use-case transactions committed", platform.transactions()::commits);
        counter("wargeys.db.statements", "SQL statements run", database::statementCount);
        counter("wargeys.db.autocommit_writes", "Writes outside a use-case transaction", database::autocommitWrites);
        gauge(
                "wargeys.db.pool.active",
                "Connections in use",
                () -> database.pool().active());
        gauge(
                "wargeys.db.pool.idle",
                "Connections open and idle",
                () -> database.pool().idle());
        gauge("wargeys.db.pool.total", "Connections open", () -> database.pool().total());
        gauge(
                "wargeys.db.pool.waiting",
                "Callers waiting for a connection",
                () -> database.pool().waiting());
        gauge("wargeys.db.pool.max", "The most connections the pool opens", database::poolSize);

        counter(
                "wargeys.search.commits",
                "Search index commits",
                () -> search.index().commits());
        gauge(
                "wargeys.search.documents",
                "Articles in the search index",
                () -> search.index().size());
        gauge("wargeys.search.lag", "Article-journal entries the search index has not applied", () -> {
            try {
                return search.lag();
            } catch (RuntimeException e) {
                return Double.NaN; // the database is away: unknown, not zero
            }
        });

        var cluster = platform.cluster();
        counter("wargeys.cluster.sent", "Events sent to the other nodes", cluster::sent);
        counter(
                "wargeys.cluster.resyncs",
                "Times this node lost its line to the others and caught up",
                cluster::resyncs);

        counter("wargeys.webhook.attempts", "Webhook deliveries this node attempted", webhooks::attempts);
        gauge(
                "wargeys.webhook.waiting",
                "Webhook deliveries queued or being sent, all nodes",
                () -> unlessAway(webhooks::waiting));
        gauge(
                "wargeys.webhook.failed",
                "Webhook deliveries given up after their last attempt",
                () -> unlessAway(webhooks::failed));

        counter("wargeys.mail.attempts", "SMTP sends this node attempted", mail::attempts);
        gauge("wargeys.mail.waiting", "Mail queued or being sent, all nodes", () -> unlessAway(mail::waiting));
        gauge("wargeys.mail.failed", "Mail given up after a refusal or two days", () -> unlessAway(mail::failed));

        var storage = platform.storage();
        gauge("wargeys.disk.free_bytes", "Free bytes where the data directory is", storage::freeBytes);
        gauge(
                "wargeys.storage.failing",
                "1 while the disk is full or read-only (the last write failed)",
                () -> storage.lastFailure().isPresent() ? 1 : 0);
    }

    /** A count from the database, or NaN while it is away: unknown, not zero. */
    private static double unlessAway(Supplier<Long> count) {
        try {
            return count.get();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    @Override
    public void observed(String method, String route, int status, long nanos) {
        String key = method + ' ' + status + ' ' + route;
        Timer timer = timers.get(key);
        if (timer == null) {
            timer = timers.computeIfAbsent(
                    key,
                    k -> Timer.builder("wargeys.http.requests")
                            .description("HTTP requests by method, route and status")
                            .tag("method", method)
                            .tag("route", route)
                            .tag("status", String.valueOf(status))
                            .serviceLevelObjectives(BUCKETS)
                            .register(registry));
        }
        timer.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private void counter(String name, String help, Supplier<Number> value) {
        held.add(value);
        FunctionCounter.builder(name, value, v -> v.get().doubleValue())
                .description(help)
                .register(registry);
    }

    private void gauge(String name, String help, Supplier<Number> value) {
        held.add(value);
        Gauge.builder(name, value, v -> v.get().doubleValue()).description(help).register(registry);
    }

    @Override
    public void close() {
        gc.close();
    }
}
