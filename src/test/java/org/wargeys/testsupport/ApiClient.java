package org.wargeys.testsupport;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An API client in tests: requests to the site's API, each response checked against the OpenAPI
 * document ({@link ApiContract}) before the test sees it. Optionally sends a bearer token or a
 * content key with every request.
 */
public final class ApiClient {

    private final TestSite site;
    private final Map<String, String> always;

    private ApiClient(TestSite site, Map<String, String> always) {
        this.site = site;
        this.always = Map.copyOf(always);
    }

    public static ApiClient anonymous(TestSite site) {
        return new ApiClient(site, Map.of());
    }

    public static ApiClient withToken(TestSite site, String token) {
        return new ApiClient(site, Map.of("Authorization", "Bearer " + token));
    }

    public static ApiClient withHeaders(TestSite site, Map<String, String> headers) {
        return new ApiClient(site, headers);
    }

    public HttpResponse<String> get(String path) {
        return get(path, Map.of());
    }

    public HttpResponse<String> get(String path, Map<String, String> headers) {
        return send("GET", path, null, (String) null, headers);
    }

    public HttpResponse<String> post(String path, String json) {
        return send("POST", path, "application/json", json, Map.of());
    }

    public HttpResponse<String> post(String path, String json, Map<String, String> headers) {
        return send("POST", path, "application/json", json, headers);
    }

    public HttpResponse<String> patch(String path, String json, Map<String, String> headers) {
        return send("PATCH", path, "application/json", json, headers);
    }

    public HttpResponse<String> put(String path, String json) {
        return send("PUT", path, "application/json", json, Map.of());
    }

    /** A multipart POST with one file and form fields (the media upload). */
    public HttpResponse<String> postFile(
            String path, Map<String, String> fields, byte[] file, Map<String, String> headers) {
        String boundary = "----wargeys" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return send(
                "POST",
                path,
                "multipart/form-data; boundary=" + boundary,
                HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
                headers);
    }

    public HttpResponse<String> send(
            String method, String path, String contentType, String body, Map<String, String> headers) {
        return send(
                method,
                path,
                contentType,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body),
                headers);
    }

    private HttpResponse<String> send(
            String method,
            String path,
            String contentType,
            HttpRequest.BodyPublisher body,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.port() + path))
                .method(method, body);
        if (contentType != null) request.header("Content-Type", contentType);
        Map<String, String> all = new LinkedHashMap<>(always);
        all.putAll(headers);
        all.forEach(request::header);
        HttpResponse<String> response = site.send(request.build());
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        ApiContract.check(
                method,
                bare,
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null),
                response.body());
        return response;
    }
}
