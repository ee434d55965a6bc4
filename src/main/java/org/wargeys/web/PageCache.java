package org.wargeys.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.javalin.http.Handler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.wargeys.platform.Hashes;

/**
 * Public pages kept rendered in memory, as bytes and as gzip, within a byte budget; served with a
 * strong ETag, Last-Modified, 304 on revalidation and surrogate keys for CDNs. {@link #purge} drops
 * exactly the pages that carry a key, and a page rendered while a purge ran is never stored, so no
 * stale page is served once the purging call has returned. Thread-safe.
 */
public final class PageCache {

    /**
     * One stored page with its header values prepared once, so a hit only copies them. The gzip and
     * brotli copies are made on the first request that asks for them: a miss renders and answers
     * without compressing anything its client did not ask for.
     */
    static final class Entry {
        final byte[] identity;
        final String contentType;
        final String etag;
        final Instant lastModified;
        final Set<String> keys;
        final Admission admission;
        // The header lines every answer of this page carries, encoded once: a hit copies their bytes
        // (checking and encoding them again on every hit took a third of a hit's time).
        private final List<HttpField> fixedFields;
        private final HttpField etagField;
        private final HttpField gzipEtagField;
        private final HttpField brotliEtagField;
        private final String quotedEtag;
        private final String quotedGzipEtag;
        private final String quotedBrotliEtag;
        private volatile byte[] gzip;
        private volatile byte[] brotli;
        private volatile boolean brotliTried;

        Entry(byte[] identity, String contentType, String etag, Instant lastModified, Set<String> keys) {
            this(identity, contentType, etag, lastModified, keys, CACHE_CONTROL, "Accept-Encoding", null);
        }

        Entry(
                byte[] identity,
                String contentType,
                String etag,
                Instant lastModified,
                Set<String> keys,
                String cacheControl,
                String vary,
                Admission admission) {
            this.admission = admission;
            this.identity = identity;
            this.contentType = contentType;
            this.etag = etag;
            this.lastModified = lastModified;
            this.keys = keys;
            List<HttpField> fixed = new ArrayList<>(5);
            fixed.add(new PreEncodedHttpField(
                    HttpHeader.LAST_MODIFIED,
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(lastModified.atZone(ZoneOffset.UTC))));
            fixed.add(new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, cacheControl));
            fixed.add(new PreEncodedHttpField(HttpHeader.VARY, vary));
            if (!keys.isEmpty()) {
                fixed.add(new PreEncodedHttpField("Surrogate-Key", String.join(" ", keys)));
                fixed.add(new PreEncodedHttpField("Cache-Tag", String.join(",", keys)));
            }
            this.fixedFields = List.copyOf(fixed);
            // Compared on every revalidation: built once here rather than a pattern per request.
            this.quotedEtag = "\"" + etag + "\"";
            this.quotedGzipEtag = "\"" + etag + "-gz\"";
            this.quotedBrotliEtag = "\"" + etag + "-br\"";
            this.etagField = new PreEncodedHttpField(HttpHeader.ETAG, quotedEtag);
            this.gzipEtagField = new PreEncodedHttpField(HttpHeader.ETAG, quotedGzipEtag);
            this.brotliEtagField = new PreEncodedHttpField(HttpHeader.ETAG, quotedBrotliEtag);
        }

        // Two threads may both compress the first time; they make the same bytes, so either wins.
        byte[] gzip() {
            byte[] copy = gzip;
            if (copy == null) {
                copy = PageCache.gzip(identity);
                gzip = copy;
            }
            return copy;
        }

        /** The brotli copy, or null where brotli is unavailable. */
        byte[] brotli() {
            if (!brotliTried) {
                brotli = Brotli.compress(identity);
                brotliTried = true;
            }
            return brotli;
        }

        /** True for this page's ETag as sent with any of its codings ({@code "tag"}, {@code "tag-gz"}, {@code "tag-br"}). */
        boolean matches(String quotedTag) {
            return quotedTag.equals(quotedEtag)
                    || quotedTag.equals(quotedGzipEtag)
                    || quotedTag.equals(quotedBrotliEtag);
        }

        // Room for the compressed copies too (together well under the size of the page itself).
        int weight() {
            return identity.length * 2 + 512;
        }
    }

    public static final String CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=600, stale-if-error=86400";

    private final Cache<String, Entry> pages;
    private final ConcurrentHashMap<String, Set<String>> urlsByKey = new ConcurrentHashMap<>();
    // Stores take the read lock and purges the write lock: a store can never slip between a purge's
    // removal of a key and the end of the purge, and stores do not block each other.
    private final ReadWriteLock purgeLock = new ReentrantReadWriteLock();
    private long generation;
    private final boolean enabled;
    private final Clock clock;
    /**
     * The key every kept page carries: purging it drops the whole site here and, through the purge
     * hook, at the CDN (an import, an administrator emptying the cache).
     */
    public static final String EVERY_PAGE = "site";

    private final RenderCoalescer renders = new RenderCoalescer(RENDER_WAIT_MILLIS);
    /** Longer than any render should take; a reader waiting longer renders for itself. */
    static final long RENDER_WAIT_MILLIS = 5_000;

    private final PurgeHook hook;
    private final java.util.concurrent.atomic.LongAdder purges = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder hits = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder misses = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder rendered = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder bytesServed = new java.util.concurrent.atomic.LongAdder();

    /** @param byteBudget the most bytes of pages to keep; 0 turns the cache off (headers still apply) */
    public PageCache(long byteBudget, Clock clock, PurgeHook hook) {
        this.enabled = byteBudget > 0;
        this.clock = clock;
        this.hook = hook;
        this.pages = Caffeine.newBuilder()
                .maximumWeight(Math.max(byteBudget, 1))
                .weigher((String url, Entry entry) -> entry.weight())
                .removalListener((String url, Entry entry, RemovalCause cause) -> {
                    if (url != null && entry != null && cause.wasEvicted()) forget(url, entry.keys);
                })
                .build();
    }

    /** The two ways a response leaves: through Javalin (on a miss) or straight from Jetty (on a hit). */
    interface Exchange {
        String requestHeader(String name);

        void header(String name, String value);

        /** A header line prepared once; Jetty copies its bytes. */
        default void header(HttpField field) {
            header(field.getName(), field.getValue());
        }

        void send(int status, String contentType, byte[] body);
    }

    /** Wraps a public page handler: answers from memory when it can, else renders and keeps the page. */
    public Handler wrap(Handler handler) {
        return wrap(handler, null, PageCache::keepable);
    }

    /**
     * Wraps a handler whose answers are kept like pages but pass an {@link Admission} first, on a hit
     * as on a miss (the API: content keys, rate limits, CORS).
     *
     * @param keepableQuery which query strings (null for none) make an answer worth keeping; others are
     *     served but not kept, so that junk parameters cannot fill the cache
     */
    public Handler wrap(Handler handler, Admission admission, java.util.function.Predicate<String> keepableQuery) {
        return ctx -> {
            if (admission != null && !admission.admit(Admission.Asker.of(ctx))) return;
            String url = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
            Entry entry = hit(url);
            boolean keep = enabled && keepableQuery.test(ctx.queryString());
            RenderCoalescer.Lead lead = null;
            if (entry == null && keep) {
                lead = renders.leadOrWait(url);
                // Another reader was rendering this page: it is in the cache now, unless that render
                // could not be kept (an error page, a purge meanwhile); then render it here.
                if (lead == null) entry = hit(url);
            }
            boolean raced = false;
            if (entry != null) {
                ctx.header("X-Cache", "HIT");
                hits.increment();
            } else {
                misses.increment();
                try {
                    long before = currentGeneration();
                    handler.handle(ctx);
                    CacheablePage page = ctx.attribute(CacheablePage.ATTRIBUTE);
                    if (page == null || ctx.statusCode() != 200) return;
                    rendered.increment();
                    entry = entry(page, admission);
                    // Rendered while a purge ran: possibly from data the purge replaced. Not kept
                    // here, and a cache in front is told not to keep it either.
                    raced = before != currentGeneration() || (keep && !store(url, entry, before));
                    ctx.header("X-Cache", "MISS");
                } finally {
                    if (lead != null) lead.close();
                }
            }
            boolean uncacheable = raced;
            write(
                    new Exchange() {
                        @Override
                        public String requestHeader(String name) {
                            return ctx.header(name);
                        }

                        @Override
                        public void header(String name, String value) {
                            ctx.header(name, value);
                        }

                        @Override
                        public void send(int status, String contentType, byte[] body) {
                            if (uncacheable) ctx.header("Cache-Control", "no-store");
                            ctx.status(status);
                            if (contentType != null) ctx.contentType(contentType);
                            bytesServed.add(body.length);
                            ctx.result(body);
                        }
                    },
                    entry);
        };
    }

    // Only a page number or an archive cursor makes another page; any other query (tracking
    // parameters, junk) would let anyone fill the cache with copies, so such responses are served but
    // never kept.
    private static final java.util.regex.Pattern KEEPABLE_QUERY =
            java.util.regex.Pattern.compile("page=[1-9][0-9]{0,3}|(before|after)=[0-9]{1,15}-[1-9][0-9]{0,17}");

    static boolean keepable(String query) {
        return query == null || KEEPABLE_QUERY.matcher(query).matches();
    }

    /** The stored page for a raw path and query, or null. */
    Entry hit(String url) {
        return enabled ? pages.getIfPresent(url) : null;
    }

    /** Drops every page that carries one of the keys; returns how many were dropped. */
    public int purge(Collection<String> keys) {
        Set<String> urls = new HashSet<>();
        purges.increment();
        purgeLock.writeLock().lock();
        try {
            generation++;
            for (String key : keys) {
                Set<String> carrying = urlsByKey.remove(key);
                if (carrying != null) urls.addAll(carrying);
            }
            pages.invalidateAll(urls);
        } finally {
            purgeLock.writeLock().unlock();
        }
        hook.purged(keys);
        return urls.size();
    }

    /**
     * Drops every page here only, without telling the purge hook: for a node that may have missed
     * other nodes' purges (the CDN heard those from the nodes that made them). Otherwise purge
     * {@link #EVERY_PAGE}.
     */
    public void purgeAll() {
        purgeLock.writeLock().lock();
        try {
            generation++;
            urlsByKey.clear();
            pages.invalidateAll();
        } finally {
            purgeLock.writeLock().unlock();
        }
    }

    /** Requests answered from memory (by the wrapper or straight from Jetty). */
    public long hits() {
        return hits.sum();
    }

    /** Requests for a cacheable page that was not in memory. */
    public long misses() {
        return misses.sum();
    }

    /** Pages rendered by their handler for the cache (misses that gave a page). */
    public long renders() {
        return rendered.sum();
    }

    /** Bytes of pages sent (after compression), hits and misses. */
    public long bytesServed() {
        return bytesServed.sum();
    }

    /** Bytes of pages kept (the budget's use). */
    public long bytesKept() {
        return pages.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L);
    }

    /** A hit answered straight from Jetty ({@link CacheHitHandler}). */
    void servedHit(int bytes) {
        hits.increment();
        bytesServed.add(bytes);
    }

    /** The hook that tells a cache in front of the site. */
    PurgeHook hook() {
        return hook;
    }

    /** How many purges were asked for since the program started (metrics; tests count them). */
    public long purges() {
        return purges.sum();
    }

    public long size() {

        return pages.estimatedSize();
    }

    private long currentGeneration() {
        purgeLock.readLock().lock();
        try {
            return generation;
        } finally {
            purgeLock.readLock().unlock();
        }
    }

    /** Keeps the page; false when a purge ran since it was rendered (then it is not kept). */
    private boolean store(String url, Entry entry, long renderedAtGeneration) {
        purgeLock.readLock().lock();
        try {
            // Rendered from data a purge has since replaced: serve it this once, never keep it.
            if (generation != renderedAtGeneration) return false;
            for (String key : entry.keys)
                urlsByKey
                        .computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet())
                        .add(url);
            pages.put(url, entry);
            return true;
        } finally {
            purgeLock.readLock().unlock();
        }
    }

    private void forget(String url, Set<String> keys) {
        for (String key : keys) {
            Set<String> urls = urlsByKey.get(key);
            if (urls != null) urls.remove(url);
        }
    }

    private Entry entry(CacheablePage page, Admission admission) {
        String hash = sha256(page.body());
        Set<String> keys = new java.util.LinkedHashSet<>(page.keys());
        keys.add(EVERY_PAGE);
        return new Entry(
                page.body(),
                page.contentType(),
                hash,
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                keys,
                page.cacheControl() == null ? CACHE_CONTROL : page.cacheControl(),
                page.vary() == null ? "Accept-Encoding" : page.vary(),
                admission);
    }

    private static final HttpField BROTLI = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "br");
    private static final HttpField GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");

    static void write(Exchange exchange, Entry entry) {
        String acceptEncoding = exchange.requestHeader("Accept-Encoding");
        boolean brotli = accepts(acceptEncoding, "br") && entry.brotli() != null;
        boolean gzip = !brotli && accepts(acceptEncoding, "gzip");
        exchange.header(brotli ? entry.brotliEtagField : gzip ? entry.gzipEtagField : entry.etagField);
        for (HttpField field : entry.fixedFields) exchange.header(field);
        if (notModified(exchange, entry)) {
            exchange.send(304, null, new byte[0]);
        } else if (brotli) {
            exchange.header(BROTLI);
            exchange.send(200, entry.contentType, entry.brotli());
        } else if (gzip) {
            exchange.header(GZIP);
            exchange.send(200, entry.contentType, entry.gzip());
        } else {
            exchange.send(200, entry.contentType, entry.identity);
        }
    }

    private static boolean notModified(Exchange exchange, Entry entry) {
        String ifNoneMatch = exchange.requestHeader("If-None-Match");
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.strip();
                if (t.startsWith("W/")) t = t.substring(2);
                if (t.equals("*") || entry.matches(t)) return true;
            }
            return false;
        }
        String ifModifiedSince = exchange.requestHeader("If-Modified-Since");
        if (ifModifiedSince != null) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return !entry.lastModified.isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    /** True when an Accept-Encoding header accepts the coding with a quality above zero. */
    static boolean accepts(String acceptEncoding, String coding) {
        if (acceptEncoding == null) return false;
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.strip().split(";");
            if (!pieces[0].strip().equalsIgnoreCase(coding)) continue;
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i].strip();
                if (p.startsWith("q=")) {
                    try {
                        return Double.parseDouble(p.substring(2)) > 0;
                    } catch (NumberFormatException e) {
                        return false;
                    }
                }
            }
            return true;
        }
        return false;
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        return Hashes.sha256(bytes, 32);
    }
}
