package org.wargeys.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Files in an S3-compatible bucket (AWS S3, Cloudflare R2, MinIO, Ceph) under a prefix, through the
 * AWS SDK. Every object is written once with {@code Cache-Control: immutable}, so a bucket or a CDN
 * can serve it to readers directly. Reads are kept in a small in-memory cache (objects never change
 * under their name), so readers' image requests do not go to the bucket on every hit. Thread-safe.
 */
final class S3FileStore implements FileStore {

    /** Objects larger than this are not kept in the read cache. */
    private static final int CACHED_OBJECT_LIMIT = 4 * 1024 * 1024;

    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final String location;
    private final Cache<String, byte[]> reads = Caffeine.newBuilder()
            .maximumWeight(32L * 1024 * 1024)
            .weigher((String key, byte[] bytes) -> bytes.length + 64)
            .build();

    private S3FileStore(S3Client s3, String bucket, String prefix, String location) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
        this.location = location;
    }

    /** @param location {@code s3://bucket} or {@code s3://bucket/prefix} */
    static S3FileStore open(String location, S3Settings settings) {
        URI uri = URI.create(location);
        String bucket = uri.getHost();
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("An S3 location is s3://BUCKET or s3://BUCKET/PREFIX, not " + location);
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
        String prefix = path.isEmpty() ? "" : path + "/";
        AwsCredentialsProvider credentials = settings.accessKey() != null && settings.secretKey() != null
                ? StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()))
                : DefaultCredentialsProvider.builder().build();
        var builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(30)))
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(settings.pathStyle())
                // S3-compatible servers do not all take the newer default checksums (aws-chunked
                // trailers); send and check them only where the API requires them.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (settings.endpoint() != null) builder.endpointOverride(URI.create(settings.endpoint()));
        return new S3FileStore(builder.build(), bucket, prefix, "s3://" + bucket + "/" + prefix);
    }

    private String object(String key) {
        return prefix + FileStore.checkKey(key);
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        s3.putObject(
                r -> r.bucket(bucket).key(object(key)).contentType(contentType).cacheControl(IMMUTABLE),
                RequestBody.fromBytes(bytes));
        reads.invalidate(key);
    }

    @Override
    public void put(String key, Path file, String contentType) {
        s3.putObject(
                r -> r.bucket(bucket).key(object(key)).contentType(contentType).cacheControl(IMMUTABLE),
                RequestBody.fromFile(file));
        reads.invalidate(key);
    }

    @Override
    public Optional<byte[]> get(String key) {
        byte[] cached = reads.getIfPresent(key);
        if (cached != null) return Optional.of(cached);
        try {
            byte[] bytes =
                    s3.getObjectAsBytes(r -> r.bucket(bucket).key(object(key))).asByteArray();
            if (bytes.length <= CACHED_OBJECT_LIMIT) reads.put(key, bytes);
            return Optional.of(bytes);
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<java.io.InputStream> stream(String key) {
        byte[] cached = reads.getIfPresent(key);
        if (cached != null) return Optional.of(new java.io.ByteArrayInputStream(cached));
        try {
            var in = s3.getObject(r -> r.bucket(bucket).key(object(key)));
            Long length = in.response().contentLength();
            if (length != null && length <= CACHED_OBJECT_LIMIT) {
                try (in) {
                    byte[] bytes = in.readAllBytes();
                    reads.put(key, bytes);
                    return Optional.of(new java.io.ByteArrayInputStream(bytes));
                }
            }
            return Optional.of(in);
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot read " + key + " from " + location, e);
        }
    }

    @Override
    public boolean download(String key, Path target) {
        try {
            Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), "download", ".tmp");
            try {
                Files.delete(temp); // the SDK refuses to overwrite
                s3.getObject(r -> r.bucket(bucket).key(object(key)), temp);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot download " + key + " to " + target, e);
        }
    }

    @Override
    public boolean exists(String key) {
        return reads.getIfPresent(key) != null || size(key).isPresent();
    }

    @Override
    public Optional<Long> size(String key) {
        try {
            HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key(object(key)));
            return Optional.of(head.contentLength());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return Optional.empty();
            throw e;
        }
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(r -> r.bucket(bucket).key(object(key)));
        reads.invalidate(key);
    }

    @Override
    public List<Entry> list(String keyPrefix) {
        List<Entry> entries = new ArrayList<>();
        for (S3Object o : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix + keyPrefix))
                .contents()) {
            entries.add(new Entry(o.key().substring(prefix.length()), o.size()));
        }
        return entries;
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public void close() {
        s3.close();
    }
}
