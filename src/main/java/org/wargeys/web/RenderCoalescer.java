package org.wargeys.web;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * At most one render of an address at a time. When a story breaks, its page is purged by the publish
 * and a thousand readers ask for it in the same second: without this, each of them would render it
 * (hundreds of renders contending for the database and the index); with it, the first renders and the
 * others wait for it and then read the page cache. Thread-safe.
 */
final class RenderCoalescer {

    private final Map<String, CompletableFuture<Void>> running = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();
    private final long waitMillis;

    /** @param waitMillis how long a reader waits for another's render before rendering itself */
    RenderCoalescer(long waitMillis) {
        this.waitMillis = waitMillis;
    }

    /** A render of one address that this caller leads; {@link #close()} it when done. */
    final class Lead implements AutoCloseable {
        private final String url;
        private final CompletableFuture<Void> done;

        private Lead(String url, CompletableFuture<Void> done) {
            this.url = url;
            this.done = done;
        }

        @Override
        public void close() {
            running.remove(url, done);
            done.complete(null);
        }
    }

    /**
     * The lead of a render of {@code url}, or null after waiting for the render another caller was
     * already doing (then read the cache: it holds that page unless a purge has dropped it since).
     */
    Lead leadOrWait(String url) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> other = running.putIfAbsent(url, mine);
        if (other == null) return new Lead(url, mine);
        waiting.incrementAndGet();
        try {
            other.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // A slow or failed render: the caller renders for itself.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waiting.decrementAndGet();
        }
        return null;
    }

    /** How many readers are waiting for another's render right now. */
    int waiting() {
        return waiting.get();
    }

    int rendering() {
        return running.size();
    }
}
