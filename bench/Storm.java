import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A newsroom under load, for bench/reliability.sh: THREADS signed-in staff create and publish articles
 * as fast as they can (or PER_SECOND in all), for SECONDS or until killed. Each article whose publish
 * was acknowledged (303) is appended to ACK_FILE as "id token", flushed at once; the token is a word
 * only that article's headline holds, for the check to search. Prints acknowledged and failed counts.
 *
 *   java bench/Storm.java BASE_URL EMAIL PASSWORD THREADS SECONDS PER_SECOND ACK_FILE
 * (PER_SECOND 0: as fast as possible). JDK only.
 */
public class Storm {

    static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String email = args[1];
        String password = args[2];
        int threads = Integer.parseInt(args[3]);
        long until = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[4])).toNanos();
        double perSecond = Double.parseDouble(args[5]);
        PrintStream acks = new PrintStream(new FileOutputStream(args[6], true), true, StandardCharsets.UTF_8);
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong serial = new AtomicLong();
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                Session session = null;
                while (System.nanoTime() < until) {
                    long n = serial.incrementAndGet();
                    String token = "zq" + run + "x" + n;
                    try {
                        if (session == null) session = Session.signIn(base, email, password);
                        HttpResponse<String> created = session.post("/admin/articles", Map.of(
                                "language", "en", "headline", "Storm " + token + " over Mogadishu",
                                "body", "A storm article, number " + n + "."));
                        if (created.statusCode() != 303) throw new IllegalStateException("create " + created.statusCode());
                        String id = created.headers().firstValue("Location").orElseThrow()
                                .replaceAll("^/admin/articles/(\\d+).*$", "$1");
                        HttpResponse<String> published = session.post("/admin/articles/" + id + "/workflow", Map.of("step", "publish"));
                        if (published.statusCode() != 303) throw new IllegalStateException("publish " + published.statusCode());
                        synchronized (acks) {
                            acks.println(id + " " + token);
                            acks.flush();
                        }
                        acked.incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        session = null;
                        pause(200);
                    }
                    if (perSecond > 0) pause((long) (1000 * threads / perSecond));
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) worker.join();
        System.out.println("acknowledged " + acked.get() + " failed " + failed.get());
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One staff member's cookie jar and CSRF token. */
    record Session(HttpClient http, String base, String cookie, String csrf) {

        static Session signIn(String base, String email, String password) throws Exception {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
            HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String signInCookie = cookie(form, "wargeys_sign_in");
            Matcher token = CSRF.matcher(form.body());
            if (!token.find()) throw new IllegalStateException("no sign-in form");
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", "wargeys_sign_in=" + signInCookie)
                    .POST(HttpRequest.BodyPublishers.ofString(encode(Map.of("csrf", token.group(1), "email", email, "password", password))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String session = cookie(signedIn, "wargeys_session");
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/articles/new"))
                    .header("Cookie", "wargeys_session=" + session).build(), HttpResponse.BodyHandlers.ofString());
            Matcher csrf = CSRF.matcher(page.body());
            if (!csrf.find()) throw new IllegalStateException("no newsroom form (" + page.statusCode() + ")");
            return new Session(http, base, session, csrf.group(1));
        }

        HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
            Map<String, String> all = new java.util.LinkedHashMap<>(fields);
            all.put("csrf", csrf);
            return http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", "wargeys_session=" + cookie)
                    .POST(HttpRequest.BodyPublishers.ofString(encode(all)))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        static String cookie(HttpResponse<?> response, String name) {
            return response.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith(name + "="))
                    .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no cookie " + name));
        }

        static String encode(Map<String, String> fields) {
            return fields.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }
    }
}
