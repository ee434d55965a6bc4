package org.wargeys.platform;

import java.util.Map;

/**
 * How to reach an S3-compatible store: the endpoint (none for AWS itself), the region, path-style
 * addressing (MinIO, Ceph, s3proxy) and the keys. Keys left out are taken from the AWS SDK's usual
 * places (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile, an instance role).
 *
 * @param endpoint e.g. {@code https://ACCOUNT.r2.cloudflarestorage.com} or {@code http://minio:9000}; null for AWS
 */
public record S3Settings(String endpoint, String region, boolean pathStyle, String accessKey, String secretKey) {

    /** Where the site's files live: {@code s3://bucket/prefix}, or empty for the data directory. */
    public static final String STORE = "media.store";

    /** The public address of the bucket (or of the CDN in front of it) that readers fetch images from. */
    public static final String PUBLIC_URL = "media.public_url";

    public static final String ENDPOINT = "media.s3.endpoint";
    public static final String REGION = "media.s3.region";
    public static final String PATH_STYLE = "media.s3.path_style";
    public static final String ACCESS_KEY = "media.s3.access_key";
    public static final String SECRET_KEY = "media.s3.secret_key";

    @Override
    public String toString() {
        // Never the secret: settings end up in logs and error messages.
        return "S3Settings[endpoint=" + endpoint + ", region=" + region + ", pathStyle=" + pathStyle + "]";
    }

    public static S3Settings from(Map<String, String> settings) {
        String endpoint = blankToNull(settings.get(ENDPOINT));
        String pathStyle = settings.get(PATH_STYLE);
        return new S3Settings(
                endpoint,
                settings.getOrDefault(REGION, "us-east-1"),
                // Path-style by default when an endpoint is named: every S3-compatible server takes it.
                pathStyle == null || pathStyle.isBlank() ? endpoint != null : Boolean.parseBoolean(pathStyle.strip()),
                blankToNull(settings.get(ACCESS_KEY)),
                blankToNull(settings.get(SECRET_KEY)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
