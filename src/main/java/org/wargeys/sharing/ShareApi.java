package org.wargeys.sharing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleService;
import org.wargeys.platform.NotFoundException;

/**
 * The share analytics over HTTP: {@code POST /api/v1/shares} takes the beacon the share script sends
 * when a reader shares (a form with {@code article}, {@code network} and {@code language}), and
 * {@code GET /api/v1/articles/{id}/shares} gives an article's totals as JSON. Beacons from robots
 * are dropped quietly, floods get 429, junk gets 400 with the reason. Thread-safe.
 */
public final class ShareApi {

    static final String BEACON_PATH = "/api/v1/shares";
    static final int MAX_BEACON_BYTES = 512;
    /** What a beacon may name: the bar's networks, plus the browser's own share sheet. */
    static final Set<String> NETWORKS = Stream.concat(
                    Stream.of(ShareNetwork.values()).map(ShareNetwork::id), Stream.of("native"))
            .collect(Collectors.toUnmodifiableSet());

    private static final String JSON = "application/json; charset=utf-8";

    private final ArticleService articles;
    private final ShareCounts counts;
    private final BeaconLimiter limiter;
    // Keys in order: the same totals are the same bytes on every node (a Map.of's order is not).
    private final ObjectMapper mapper =
            new ObjectMapper().enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    ShareApi(ArticleService articles, ShareCounts counts, ShareSettings settings, Clock clock) {
        this.articles = articles;
        this.counts = counts;
        this.limiter = new BeaconLimiter(settings.beaconLimitPerMinute(), clock);
    }

    /** {@code POST /api/v1/shares}: 204 when counted (or dropped as a robot's), else 400 or 429 with a reason. */
    public void beacon(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        if (!limiter.allow(ctx.req().getRemoteAddr())) {
            ctx.header("Retry-After", "60");
            error(ctx, 429, "Too many share beacons from this address; try again in a minute.");
            return;
        }
        if ("cross-site".equals(ctx.header("Sec-Fetch-Site"))) {
            error(ctx, 400, "Share beacons are accepted from this site's own pages only.");
            return;
        }
        if (BotFilter.isRobot(ctx.userAgent())) {
            ctx.status(204);
            return;
        }
        Optional<String> problem = Optional.empty();
        byte[] body = ctx.bodyAsBytes();
        Map<String, String> form = null;
        if (body.length > MAX_BEACON_BYTES) {
            problem = Optional.of("A share beacon has at most " + MAX_BEACON_BYTES + " bytes.");
        } else {
            try {
                form = parseForm(new String(body, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                problem = Optional.of("A share beacon is a form: article, network and language.");
            }
        }
        if (problem.isEmpty()) problem = check(form);
        if (problem.isPresent()) {
            error(ctx, 400, problem.get());
            return;
        }
        counts.record(Long.parseLong(form.get("article")), form.get("network"));
        ctx.status(204);
    }

    /** {@code GET /api/v1/articles/{id}/shares}: the totals of a published article. */
    public void totals(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=60");
        String id = ctx.pathParam("id");
        if (!id.matches("[0-9]{1,18}")) {
            error(ctx, 400, "An article id is a positive whole number.");
            return;
        }
        Optional<Article> article = published(Long.parseLong(id));
        if (article.isEmpty()) {
            error(ctx, 404, "There is no published article " + id + ".");
            return;
        }
        var totals = counts.totals(article.get().id());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("article", totals.articleId());
        json.put("language", article.get().language());
        json.put("total", totals.total());
        json.put("networks", new java.util.TreeMap<>(totals.networks()));
        json.put(
                "days",
                totals.days().stream()
                        .map(d -> Map.of("day", d.day().toString(), "shares", d.shares()))
                        .toList());
        write(ctx, 200, json);
    }

    private Optional<String> check(Map<String, String> form) {
        String article = form.get("article");
        String network = form.get("network");
        String language = form.get("language");
        if (article == null || network == null || language == null) {
            return Optional.of("A share beacon needs article, network and language.");
        }
        if (!article.matches("[0-9]{1,18}")) return Optional.of("The article is not an article id.");
        if (!NETWORKS.contains(network))
            return Optional.of("Unknown network; expected one of " + new java.util.TreeSet<>(NETWORKS) + ".");
        Optional<Article> found = published(Long.parseLong(article));
        if (found.isEmpty()) return Optional.of("There is no published article " + article + ".");
        if (!found.get().language().equals(language)) return Optional.of("The article is not in that language.");
        return Optional.empty();
    }

    private Optional<Article> published(long id) {
        try {
            return Optional.of(articles.find(id)).filter(Article::isPublished);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    // application/x-www-form-urlencoded, as navigator.sendBeacon sends URLSearchParams; a repeated
    // field is junk rather than a guess.
    static Map<String, String> parseForm(String body) {
        Map<String, String> form = new HashMap<>();
        if (body.isBlank()) return form;
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("Not a form field: " + pair);
            String key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (form.put(key, value) != null) throw new IllegalArgumentException("Repeated field " + key);
        }
        return form;
    }

    private void error(Context ctx, int status, String reason) {
        write(ctx, status, Map.of("error", reason));
    }

    private void write(Context ctx, int status, Object json) {
        try {
            ctx.status(status).contentType(JSON).result(mapper.writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
