package org.wargeys.testsupport;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * A real S3 API server for the tests: s3proxy on a free loopback port, keeping objects in memory,
 * checking AWS v4 signatures. One per test JVM, started on first use; each test takes a bucket of
 * its own ({@link #newBucket()}).
 */
public final class S3Server {

    public static final String ACCESS_KEY = "wargeys-test";
    public static final String SECRET_KEY = "wargeys-test-secret-key";

    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static S3Server running;

    private final S3Proxy proxy;
    private final BlobStore store;

    private S3Server() throws Exception {
        this.store = new TransientNio2BlobStore();
        this.proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        // Waiting for the event (Jetty started), bounded: not a timing assumption.
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("s3proxy did not start");
            Thread.sleep(5);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                proxy.stop();
            } catch (Exception ignored) {
                // The JVM is going.
            }
        }));
    }

    public static synchronized S3Server get() {
        if (running == null) {
            try {
                running = new S3Server();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot start s3proxy", e);
            }
        }
        return running;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    /** A new, empty bucket's name. */
    public String newBucket() {
        String name = "wargeys-" + ProcessHandle.current().pid() + "-" + BUCKETS.incrementAndGet();
        store.createContainer(name);
        return name;
    }

    /** The settings that put a site's files in {@code s3://bucket/prefix} on this server. */
    public Map<String, String> settings(String bucket, String prefix) {
        return Map.of(
                "media.store",
                "s3://" + bucket + "/" + prefix,
                "media.s3.endpoint",
                endpoint(),
                "media.s3.region",
                "us-east-1",
                "media.s3.access_key",
                ACCESS_KEY,
                "media.s3.secret_key",
                SECRET_KEY);
    }

    /** The keys of the objects in a bucket. */
    public java.util.List<String> keys(String bucket) {
        var files = org.wargeys.platform.FileStore.at(
                "s3://" + bucket, org.wargeys.platform.S3Settings.from(settings(bucket, "")));
        try (files) {
            return files.list("").stream().map(e -> e.key()).toList();
        }
    }
}
