package org.wargeys.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.wargeys.account.AccountModule;
import org.wargeys.article.ArticleModule;
import org.wargeys.media.MediaModule;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.Platform;
import org.wargeys.search.SearchModule;
import org.wargeys.translation.TranslationModule;
import org.wargeys.web.PageCache;
import org.wargeys.web.WebModule;

/**
 * The API (docs/api.md): the public, read-only Content API served through the page cache behind the
 * API gate (CORS, content keys, rate limits); the admin API on personal access tokens; their errors
 * as problem details; the OpenAPI document.
 */
public final class ApiModule {

    private final ApiSettings settings;
    private final Problems problems;
    private final ApiGate gate;
    private final AccessTokens tokens;
    private final ContentKeys keys;
    private final ContentApi content;
    private final AdminApi admin;
    private final PageCache cache;

    public ApiModule(
            Platform platform,
            WebModule web,
            AccountModule accounts,
            MediaModule media,
            ArticleModule articles,
            TranslationModule translations,
            SearchModule search) {
        var jdbi = platform.database().jdbi();
        var site = platform.site();
        this.settings = ApiSettings.from(platform.config().settings());
        this.cache = web.pageCache();
        this.problems = new Problems(web.bundles(), web.negotiation());
        this.keys =
                new ContentKeys(jdbi, platform.transactions(), platform.audit(), platform.clock(), settings.perKey());
        this.tokens = new AccessTokens(
                jdbi, platform.transactions(), accounts.accounts(), platform.audit(), platform.clock());
        this.gate = new ApiGate(
                settings,
                keys,
                new RateLimiter(platform.clock()),
                problems,
                platform.config().trustedProxies());
        ApiJson json = new ApiJson(site, articles.paths());
        this.content = new ContentApi(
                site,
                articles.service(),
                articles.selection(),
                articles.corrections(),
                translations.service(),
                media.service(),
                search.index(),
                json,
                settings,
                openApi(site.baseUrl()));
        Idempotency idempotency = new Idempotency(jdbi, platform.transactions(), platform.clock());
        this.admin = new AdminApi(
                site,
                articles.service(),
                articles.workflow(),
                articles.corrections(),
                articles.origins(),
                articles.listing(),
                translations.progress(),
                media.service(),
                tokens,
                idempotency,
                gate,
                settings,
                problems,
                json);
        platform.events().subscribe(ContentKeysChanged.class, e -> keys.reload());
        platform.jobs().every("Reloading content keys", Duration.ofMinutes(1), Duration.ofMinutes(1), keys::reload);
        platform.jobs()
                .every("Forgetting idempotency keys", Duration.ofMinutes(10), Duration.ofHours(1), idempotency::prune);
    }

    public ApiSettings settings() {
        return settings;
    }

    public AccessTokens tokens() {
        return tokens;
    }

    public ContentKeys contentKeys() {
        return keys;
    }

    public ContentApi content() {
        return content;
    }

    public AdminApi admin() {
        return admin;
    }

    /**
     * A Content API answer kept by the page cache: the gate first, on a hit as on a miss; a query is
     * kept when its parameters come in the documented order.
     */
    public Handler cached(Handler handler, List<String> parameters) {
        return cache.wrap(problems(handler), gate, query -> ContentApi.keepable(query, parameters));
    }

    /** A Content API answer never kept (search): the gate, then the handler. */
    public Handler fresh(Handler handler) {
        return ctx -> {
            if (gate.admit(ApiGate.asker(ctx))) problems(handler).handle(ctx);
        };
    }

    /** An admin API handler: errors become problem details (it authenticates its own requests). */
    public Handler admin(Handler handler) {
        return problems(handler);
    }

    /** CORS preflights for the Content API. */
    public Handler preflight() {
        return ctx -> gate.admit(ApiGate.asker(ctx));
    }

    /** Anything else under /api/v1: a problem, not the site's HTML error page. */
    public Handler notFound() {
        return problems(ctx -> {
            throw new NotFoundException("No API resource " + ctx.path());
        });
    }

    private Handler problems(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (Exception e) {
                problems.send(ctx, e);
            }
        };
    }

    /** The OpenAPI document, its server set to this site's address. */
    private static byte[] openApi(String baseUrl) {
        try (InputStream in = ApiModule.class.getResourceAsStream("/api/openapi.json")) {
            if (in == null) throw new IllegalStateException("The OpenAPI document is missing from the program");
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replace("https://news.example.org", baseUrl).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
    }
}
