package org.wargeys.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a cache in front (Varnish with xkey, a CDN) which surrogate keys were purged: a POST to a
 * configured URL with the keys in the {@code Surrogate-Key} header (space-separated, as Varnish's
 * xkey reads them) and as JSON ({@code {"keys":[…]}}). The purge waits up to {@link #WAIT} for the
 * answer, so a cache on the same network has dropped the pages when a publish returns; a slower one is
 * left to answer in the background. Failures are logged and counted, not retried.
 */
interface PurgeHook {

    /** How long a purge waits for the cache in front to answer before going on. */
    Duration WAIT = Duration.ofSeconds(2);

    void purged(Collection<String> keys);

    /** Waits up to {@code timeout} for the purges still being sent (a graceful stop). */
    default void awaitSent(Duration timeout) {}

    /** Purges sent, and those that failed (metrics). */
    default long sent() {
        return 0;
    }

    default long failures() {
        return 0;
    }

    PurgeHook NONE = keys -> {};

    static PurgeHook to(String url) {
        if (url == null || url.isBlank()) return NONE;
        return new Http(URI.create(url));
    }

    /** The hook over HTTP. Thread-safe. */
    final class Http implements PurgeHook {
        /** Headers longer than this are split over several requests (Varnish takes 8 KB by default). */
        static final int MAX_HEADER = 4_000;

        private static final Logger LOG = LoggerFactory.getLogger(PurgeHook.class);
        private final URI target;
        private final HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
        private final LongAdder sent = new LongAdder();
        private final LongAdder failures = new LongAdder();

        Http(URI target) {
            this.target = target;
        }

        @Override
        public void purged(Collection<String> keys) {
            if (keys.isEmpty()) return;
            for (List<String> batch : batches(keys)) {
                CompletableFuture<?> answer = send(batch);
                inFlight.add(answer);
                answer.whenComplete((r, e) -> inFlight.remove(answer));
                try {
                    answer.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // Left to finish in the background.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (java.util.concurrent.ExecutionException e) {
                    // Logged where it completed.
                }
            }
        }

        private CompletableFuture<?> send(List<String> keys) {
            StringBuilder json = new StringBuilder("{\"keys\":[");
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) json.append(',');
                json.append('"')
                        .append(keys.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
                        .append('"');
            }
            json.append("]}");
            HttpRequest request = HttpRequest.newBuilder(target)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("Surrogate-Key", String.join(" ", keys))
                    .POST(HttpRequest.BodyPublishers.ofString(json.toString()))
                    .build();
            return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        if (error != null) {
                            failures.increment();
                            LOG.warn("The purge hook {} failed: {}", target, error.toString());
                        } else if (response.statusCode() >= 300) {
                            failures.increment();
                            LOG.warn("The purge hook {} answered {}", target, response.statusCode());
                        } else {
                            sent.increment();
                        }
                    });
        }

        // Keys are plain tokens (article-12, home-en): a space never occurs inside one.
        static List<List<String>> batches(Collection<String> keys) {
            List<List<String>> batches = new ArrayList<>();
            List<String> batch = new ArrayList<>();
            int length = 0;
            for (String key : keys) {
                if (!batch.isEmpty() && length + key.length() + 1 > MAX_HEADER) {
                    batches.add(batch);
                    batch = new ArrayList<>();
                    length = 0;
                }
                batch.add(key);
                length += key.length() + 1;
            }
            if (!batch.isEmpty()) batches.add(batch);
            return batches;
        }

        @Override
        public void awaitSent(Duration timeout) {
            try {
                CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // Bounded: a stop does not wait for a cache that does not answer.
            }
        }

        @Override
        public long sent() {
            return sent.sum();
        }

        @Override
        public long failures() {
            return failures.sum();
        }
    }
}
