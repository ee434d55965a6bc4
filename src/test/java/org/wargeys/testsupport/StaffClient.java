package org.wargeys.testsupport;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A staff member's browser in tests: signs in through the real sign-in form, keeps the session
 * cookie and the CSRF token, and posts forms the way the newsroom's own forms do.
 */
public final class StaffClient {

    private final TestSite site;
    private String sessionCookie;
    private String csrf;
    // The confirmation of the last action, as a browser keeps it until the next page shows it.
    private String flashCookie;

    private StaffClient(TestSite site) {
        this.site = site;
    }

    /** Signs in; fails the test if the password is refused. */
    public static StaffClient signIn(TestSite site, String email, String password) {
        StaffClient client = new StaffClient(site);
        HttpResponse<String> response = client.attemptSignIn(email, password);
        if (response.statusCode() != 303 || client.sessionCookie == null) {
            throw new AssertionError(
                    "Sign-in of " + email + " answered " + response.statusCode() + ": " + response.body());
        }
        client.refreshCsrf();
        return client;
    }

    /** A browser that has not signed in yet. */
    public static StaffClient anonymous(TestSite site) {
        return new StaffClient(site);
    }

    /** Fetches the sign-in form and posts it; returns the answer to the post. */
    public HttpResponse<String> attemptSignIn(String email, String password) {
        HttpResponse<String> form = site.get("/admin/login");
        String signInCookie =
                cookie(form, "wargeys_sign_in").orElseThrow(() -> new AssertionError("No sign-in cookie"));
        String token = Jsoup.parse(form.body()).selectFirst("input[name=csrf]").attr("value");
        HttpResponse<String> response = site.send(HttpRequest.newBuilder(uri("/admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "wargeys_sign_in=" + signInCookie)
                .POST(HttpRequest.BodyPublishers.ofString(
                        encode(Map.of("csrf", token, "email", email, "password", password))))
                .build());
        cookie(response, "wargeys_session").filter(v -> !v.isEmpty()).ifPresent(v -> sessionCookie = v);
        return response;
    }

    public HttpResponse<String> get(String path) {
        return get(path, Map.of());
    }

    public HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        cookies(request);
        headers.forEach(request::header);
        return remember(site.send(request.build()));
    }

    /** Sends the cookies a browser would: the session's, and the flash message's while there is one. */
    private void cookies(HttpRequest.Builder request) {
        StringBuilder header = new StringBuilder();
        if (sessionCookie != null) header.append("wargeys_session=").append(sessionCookie);
        if (flashCookie != null) {
            if (header.length() > 0) header.append("; ");
            header.append("wargeys_flash=").append(flashCookie);
        }
        if (header.length() > 0) request.header("Cookie", header.toString());
    }

    private HttpResponse<String> remember(HttpResponse<String> response) {
        cookie(response, "wargeys_flash").ifPresent(v -> flashCookie = v.isEmpty() ? null : v);
        return response;
    }

    public Document page(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200)
            throw new AssertionError("GET " + path + " answered " + response.statusCode());
        return Jsoup.parse(response.body(), site.baseUrl() + path);
    }

    /** Posts a form with the session's CSRF token, as the newsroom's forms do. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        if (csrf != null) withToken.putIfAbsent("csrf", csrf);
        return postRaw(path, withToken);
    }

    /** Posts an already encoded form (for a field given several times), with the session's CSRF token. */
    public HttpResponse<String> postEncoded(String path, String encodedFields) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encodedFields + "&" + encode(Map.of("csrf", csrf))));
        cookies(request);
        return remember(site.send(request.build()));
    }

    /** Posts a form with the session's CSRF token and extra request headers (Accept-Language…). */
    public HttpResponse<String> post(String path, Map<String, String> fields, Map<String, String> headers) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        if (csrf != null) withToken.putIfAbsent("csrf", csrf);
        return postRaw(path, withToken, headers);
    }

    /** Posts exactly these fields (no token added). */
    public HttpResponse<String> postRaw(String path, Map<String, String> fields) {
        return postRaw(path, fields, Map.of());
    }

    private HttpResponse<String> postRaw(String path, Map<String, String> fields, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields)));
        headers.forEach(request::header);

        cookies(request);
        HttpResponse<String> response = remember(site.send(request.build()));
        // A password change starts a new session, as a browser would follow.
        cookie(response, "wargeys_session").filter(v -> !v.isEmpty()).ifPresent(v -> sessionCookie = v);
        return response;
    }

    /** Posts a multipart form with one file, and the session's CSRF token, as the upload form does. */
    public HttpResponse<String> postFile(
            String path, Map<String, String> fields, String fileName, String contentType, byte[] bytes) {
        String boundary = "----wargeys" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        if (csrf != null) withToken.putIfAbsent("csrf", csrf);
        withToken.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        cookies(request);
        return remember(site.send(request.build()));
    }

    public String csrf() {
        return csrf;
    }

    public String sessionCookie() {
        return sessionCookie;
    }

    /** Reads the CSRF token from the newsroom's sign-out form. */
    public void refreshCsrf() {
        // The sign-out form is on every newsroom page, the password page included (which even an
        // account with a one-time password may open).
        HttpResponse<String> response = get("/admin/password");
        var input = Jsoup.parse(response.body()).selectFirst("form[action=/admin/logout] input[name=csrf]");
        csrf = input == null ? null : input.attr("value");
    }

    /** The value of a cookie the response sets, if it sets it. */
    public static Optional<String> cookie(HttpResponse<?> response, String name) {
        return setCookies(response).stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst();
    }

    public static List<String> setCookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + site.port() + path);
    }

    public static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
