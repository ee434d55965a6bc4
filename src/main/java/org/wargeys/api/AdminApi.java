package org.wargeys.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wargeys.account.User;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleCorrections;
import org.wargeys.article.ArticleDetails;
import org.wargeys.article.ArticleDraft;
import org.wargeys.article.ArticleEdit;
import org.wargeys.article.ArticleListing;
import org.wargeys.article.ArticleOrigins;
import org.wargeys.article.ArticleService;
import org.wargeys.article.ArticleStatus;
import org.wargeys.article.ArticleWorkflow;
import org.wargeys.article.BodyFormat;
import org.wargeys.article.Dateline;
import org.wargeys.article.EditConflictException;
import org.wargeys.article.Permissions;
import org.wargeys.article.WorkflowStep;
import org.wargeys.media.Image;
import org.wargeys.media.MediaService;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.Site;
import org.wargeys.platform.ValidationException;
import org.wargeys.translation.TranslationProgress;

/**
 * The admin API under {@code /api/v1/admin}: the newsroom's use cases for scripts and apps, through
 * the same services (one transaction each, the same validation and messages, audited with the token
 * named). Authenticated by a personal access token ({@code Authorization: Bearer}), never by the
 * session cookie, so no other site can make a browser call it (no CSRF). Every request needs the
 * token's scope for the use case and the owner's role for it ({@link Permissions}). Thread-safe.
 */
public final class AdminApi {

    private static final Set<String> ARTICLE_FIELDS = Set.of(
            "language",
            "headline",
            "slug",
            "dateline",
            "standfirst",
            "body",
            "body_format",
            "section",
            "tags",
            "authors",
            "seo_title",
            "seo_description",
            "featured_image",
            "pinned",
            "source_revision");

    private final Site site;
    private final ArticleService articles;
    private final ArticleWorkflow workflow;
    private final ArticleCorrections corrections;
    private final ArticleOrigins origins;
    private final ArticleListing listing;
    private final TranslationProgress translations;
    private final MediaService media;
    private final AccessTokens tokens;
    private final Idempotency idempotency;
    private final ApiGate gate;
    private final ApiSettings settings;
    private final Problems problems;
    private final ApiJson json;

    AdminApi(
            Site site,
            ArticleService articles,
            ArticleWorkflow workflow,
            ArticleCorrections corrections,
            ArticleOrigins origins,
            ArticleListing listing,
            TranslationProgress translations,
            MediaService media,
            AccessTokens tokens,
            Idempotency idempotency,
            ApiGate gate,
            ApiSettings settings,
            Problems problems,
            ApiJson json) {
        this.site = site;
        this.articles = articles;
        this.workflow = workflow;
        this.corrections = corrections;
        this.origins = origins;
        this.listing = listing;
        this.translations = translations;
        this.media = media;
        this.tokens = tokens;
        this.idempotency = idempotency;
        this.gate = gate;
        this.settings = settings;
        this.problems = problems;
        this.json = json;
    }

    /** {@code GET /api/v1/admin/token}: the token the request carries, and whose it is. */
    public void whoAmI(Context ctx) {
        var who = authenticate(ctx, null);
        if (who == null) return;
        ObjectNode body = json.object();
        body.put("name", who.token().name());
        ArrayNode scopes = body.putArray("scopes");
        who.token().scopeCodes().forEach(scopes::add);
        body.put("expires_at", ApiJson.instant(who.token().expiresAt()));
        body.put("owner", who.user().email());
        body.put("role", who.user().role().code());
        send(ctx, 200, body);
    }

    /** {@code GET /api/v1/admin/articles}: the articles the owner may edit, any status, latest edited first. */
    public void list(Context ctx) {
        var who = authenticate(ctx, Scope.READ_DRAFTS);
        if (who == null) return;
        Map<String, String> q = ContentApi.parameters(ctx, List.of("language", "status"));
        ArticleStatus status = null;
        if (q.get("status") != null) {
            try {
                status = ArticleStatus.of(q.get("status"));
            } catch (IllegalArgumentException e) {
                throw ValidationException.of("status", "api.error.status", Map.of("status", q.get("status")));
            }
        }
        if (q.get("language") != null && !site.publishesIn(q.get("language"))) {
            throw ValidationException.of(
                    "language", "article.error.language_unknown", Map.of("language", q.get("language")));
        }
        ObjectNode body = json.object();
        ArrayNode items = body.putArray("items");
        var query = new ArticleListing.Query(
                null, q.get("language"), status, null, null, null, null, ArticleListing.Sort.UPDATED);
        String namesIn = site.defaultLanguage().code();
        ArticleListing.Cursor after = null;
        do {
            // The desk's keyset pages, walked to the end: one bounded query a page.
            ArticleListing.Page page = listing.page(query, after, null, ArticleListing.PAGE, namesIn);
            for (ArticleListing.Row row : page.rows()) {
                Article a = row.article();
                if (!Permissions.mayEdit(who.user(), a, origins.find(a.id()))) continue;
                items.add(editable(a));
            }
            after = page.next();
        } while (after != null);
        send(ctx, 200, body);
    }

    /** {@code GET /api/v1/admin/articles/{id}}: the article as the editor has it; its ETag is its revision. */
    public void show(Context ctx) {
        var who = authenticate(ctx, Scope.READ_DRAFTS);
        if (who == null) return;
        Article article = editableArticle(ctx, who.user());
        ctx.header("ETag", "\"" + article.revision() + "\"");
        send(ctx, 200, editable(article));
    }

    /** {@code POST /api/v1/admin/articles}: a new draft. */
    public void create(Context ctx) {
        var who = authenticate(ctx, Scope.WRITE_ARTICLES);
        if (who == null) return;
        byte[] raw = ctx.bodyAsBytes();
        JsonBody body = JsonBody.parse(json.mapper(), raw, ARTICLE_FIELDS);
        if (!Permissions.mayCreate(who.user())) throw forbidden();
        Boolean pinned = pinned(body, who);
        String language = body.text("language");
        ArticleDraft draft = new ArticleDraft(
                language,
                body.text("slug"),
                body.text("headline"),
                dateline(body, Dateline.NONE),
                body.text("standfirst"),
                format(body, BodyFormat.MARKDOWN),
                body.text("body"),
                body.text("section"),
                body.texts("tags"),
                body.texts("authors"));
        ArticleEdit edit = new ArticleEdit(
                draft,
                body.text("seo_title"),
                body.text("seo_description"),
                body.number("featured_image"),
                pinned,
                null);
        var outcome = idempotency.run(ctx, who.token().id(), request(ctx, raw), () -> {
            Article created = articles.create(edit, who.actor(gate.address(ctx)));
            return new Idempotency.Outcome(201, "/api/v1/admin/articles/" + created.id());
        });
        answer(ctx, outcome);
    }

    /**
     * {@code PATCH /api/v1/admin/articles/{id}}: changes the fields given, keeps the others. Needs
     * {@code If-Match} with the revision the change starts from; someone else's save in between is a 409.
     */
    public void update(Context ctx) {
        var who = authenticate(ctx, Scope.WRITE_ARTICLES);
        if (who == null) return;
        JsonBody body = JsonBody.parse(json.mapper(), ctx.bodyAsBytes(), ARTICLE_FIELDS);
        Article current = editableArticle(ctx, who.user());
        int expected = ifMatch(ctx);
        ArticleDetails details = articles.details(current);
        Boolean pinned = pinned(body, who);
        ArticleDraft draft = new ArticleDraft(
                body.has("language") ? body.text("language") : current.language(),
                body.has("slug") ? body.text("slug") : current.slug(),
                body.has("headline") ? body.text("headline") : current.headline(),
                dateline(body, current.dateline()),
                body.has("standfirst") ? body.text("standfirst") : current.standfirst(),
                format(body, current.bodyFormat()),
                body.has("body") ? body.text("body") : current.body(),
                body.has("section")
                        ? body.text("section")
                        : details.section().map(s -> s.key()).orElse(null),
                body.has("tags")
                        ? body.texts("tags")
                        : details.tags().stream().map(t -> t.key()).toList(),
                body.has("authors")
                        ? body.texts("authors")
                        : details.authors().stream().map(a -> a.key()).toList());
        Long image =
                body.has("featured_image") ? body.number("featured_image") : articles.featuredImageId(current.id());
        Integer sourceRevision = body.number("source_revision") == null
                ? null
                : body.number("source_revision").intValue();
        ArticleEdit edit = new ArticleEdit(
                draft,
                body.has("seo_title") ? body.text("seo_title") : current.seoTitle(),
                body.has("seo_description") ? body.text("seo_description") : current.seoDescription(),
                image,
                pinned,
                sourceRevision);
        try {
            Article saved = articles.save(current.id(), expected, edit, who.actor(gate.address(ctx)));
            ctx.header("ETag", "\"" + saved.revision() + "\"");
            send(ctx, 200, editable(saved));
        } catch (EditConflictException e) {
            problems.editConflict(ctx, e, articles.find(current.id()).revision());
        }
    }

    /** {@code POST /api/v1/admin/articles/{id}/workflow}: submit, schedule, publish, unpublish, return to draft. */
    public void step(Context ctx) {
        var who = authenticate(ctx, null);
        if (who == null) return;
        String path = ctx.pathParam("id");
        byte[] raw = ctx.bodyAsBytes();
        JsonBody body = JsonBody.parse(json.mapper(), raw, Set.of("step", "at"));
        String code = String.valueOf(body.text("step"));
        WorkflowStep step;
        try {
            step = WorkflowStep.of(code);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("step", "newsroom.error.step_unknown", Map.of("step", code));
        }
        require(ctx, who, step == WorkflowStep.SUBMIT ? Scope.WRITE_ARTICLES : Scope.PUBLISH);
        Article article = article(path);
        if (!Permissions.mayTake(who.user(), step, article, origins.find(article.id()))) throw forbidden();
        Instant at = null;
        if (step == WorkflowStep.SCHEDULE) {
            try {
                at = body.text("at") == null ? null : Instant.parse(body.text("at"));
            } catch (DateTimeParseException e) {
                throw ValidationException.of(
                        "at", "newsroom.error.schedule_unreadable", Map.of("value", body.text("at")));
            }
            if (at == null) throw ValidationException.of("at", "newsroom.error.schedule_required");
        }
        Instant when = at;
        var outcome = idempotency.run(ctx, who.token().id(), request(ctx, raw), () -> {
            Article moved = workflow.take(article.id(), step, when, who.actor(gate.address(ctx)));
            return new Idempotency.Outcome(200, "/api/v1/admin/articles/" + moved.id());
        });
        answer(ctx, outcome);
    }

    /** {@code POST /api/v1/admin/articles/{id}/translations}: starts a translation into a language. */
    public void translate(Context ctx) {
        var who = authenticate(ctx, Scope.WRITE_ARTICLES);
        if (who == null) return;
        byte[] raw = ctx.bodyAsBytes();
        JsonBody body = JsonBody.parse(json.mapper(), raw, Set.of("language"));
        Article source = article(ctx.pathParam("id"));
        String language = body.text("language");
        if (language == null || !site.publishesIn(language)) {
            throw ValidationException.of(
                    "language", "article.error.language_unknown", Map.of("language", String.valueOf(language)));
        }
        if (!Permissions.mayTranslateInto(who.user(), language)) throw forbidden();
        var outcome = idempotency.run(ctx, who.token().id(), request(ctx, raw), () -> {
            Article translation = translations.start(source.id(), language, who.actor(gate.address(ctx)));
            return new Idempotency.Outcome(201, "/api/v1/admin/articles/" + translation.id());
        });
        answer(ctx, outcome);
    }

    /** {@code POST /api/v1/admin/articles/{id}/corrections}: a dated correction note. */
    public void correct(Context ctx) {
        var who = authenticate(ctx, Scope.PUBLISH);
        if (who == null) return;
        byte[] raw = ctx.bodyAsBytes();
        JsonBody body = JsonBody.parse(json.mapper(), raw, Set.of("note"));
        Article article = article(ctx.pathParam("id"));
        if (!Permissions.mayCorrect(who.user())) throw forbidden();
        var outcome = idempotency.run(ctx, who.token().id(), request(ctx, raw), () -> {
            corrections.add(article.id(), body.text("note"), who.actor(gate.address(ctx)));
            return new Idempotency.Outcome(201, "/api/v1/admin/articles/" + article.id());
        });
        answer(ctx, outcome);
    }

    /** {@code POST /api/v1/admin/media}: an image (multipart: file, credit, alt_LANG, caption_LANG). */
    public void upload(Context ctx) throws IOException {
        var who = authenticate(ctx, Scope.MEDIA);
        if (who == null) return;
        if (!Permissions.mayCreate(who.user())) throw forbidden();
        if (ctx.req().getContentLengthLong() > MediaService.MAX_BYTES + 64 * 1024) {
            ctx.header("Connection", "close");
            throw ValidationException.of(
                    "file", "media.error.file_too_large", Map.of("megabytes", MediaService.MAX_BYTES / (1024 * 1024)));
        }
        UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
        if (file == null) throw ValidationException.of("file", "media.error.file_required");
        byte[] bytes;
        try (InputStream in = file.content()) {
            bytes = in.readNBytes(MediaService.MAX_BYTES + 1);
        }
        Map<String, Image.Text> texts = new LinkedHashMap<>();
        StringBuilder fields = new StringBuilder();
        for (var l : site.languages()) {
            String alt = ctx.formParam("alt_" + l.code());
            String caption = ctx.formParam("caption_" + l.code());
            texts.put(l.code(), new Image.Text(alt, caption));
            fields.append(l.code())
                    .append('\u0000')
                    .append(alt)
                    .append('\u0000')
                    .append(caption)
                    .append('\u0000');
        }
        String credit = ctx.formParam("credit");
        MediaService.Checked checked = media.check(bytes, credit, texts);
        byte[] request = concat(request(ctx, bytes), (fields + "\u0000" + credit).getBytes(StandardCharsets.UTF_8));
        var outcome = idempotency.run(ctx, who.token().id(), request, () -> {
            Image image = media.upload(checked, who.actor(gate.address(ctx)));
            return new Idempotency.Outcome(201, "/api/v1/admin/media/" + image.id());
        });
        answer(ctx, outcome);
    }

    /** {@code PUT /api/v1/admin/sections/{key}}: defines or renames a section ({@code names} by language). */
    public void defineSection(Context ctx) {
        define(ctx, "section");
    }

    /** {@code PUT /api/v1/admin/tags/{key}}. */
    public void defineTag(Context ctx) {
        define(ctx, "tag");
    }

    private void define(Context ctx, String kind) {
        var who = authenticate(ctx, Scope.TAXONOMY);
        if (who == null) return;
        JsonBody body = JsonBody.parse(json.mapper(), ctx.bodyAsBytes(), Set.of("names"));
        if (!Permissions.isEditor(who.user())) throw forbidden();
        String key = ctx.pathParam("key");
        Map<String, String> names = body.textMap("names");
        var actor = who.actor(gate.address(ctx));
        if (kind.equals("section")) articles.defineSection(key, names == null ? Map.of() : names, actor);
        else articles.defineTag(key, names == null ? Map.of() : names, actor);
        ObjectNode term = json.object();
        term.put("key", key);
        term.set("names", json.mapper().valueToTree(names));
        send(ctx, 200, term);
    }

    // ---- Plumbing

    /**
     * The request's token and owner, with the scope the use case needs (null: any), counted against
     * the token's rate limit; null when the request was answered (401, 403, 429).
     */
    private AccessTokens.Authenticated authenticate(Context ctx, Scope scope) {
        ctx.header("Cache-Control", "no-store");
        String header = ctx.header("Authorization");
        String address = gate.address(ctx);
        var asker = ApiGate.asker(ctx);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"wargeys\"");
            throw new ApiRefusal(401, "unauthorized", "api.error.token_required");
        }
        var who = tokens.authenticate(header.substring(7).strip(), address);
        if (who.isEmpty()) {
            // Guessing tokens costs the address's allowance.
            if (!gate.count(asker, "address:" + address, settings.perAddress())) return null;
            ctx.header("WWW-Authenticate", "Bearer realm=\"wargeys\", error=\"invalid_token\"");
            throw new ApiRefusal(401, "unauthorized", "api.error.token_invalid");
        }
        if (!gate.count(asker, "token:" + who.get().token().id(), settings.perToken())) return null;
        if (scope != null) require(ctx, who.get(), scope);
        return who.get();
    }

    private static void require(Context ctx, AccessTokens.Authenticated who, Scope scope) {
        if (who.token().scopes().contains(scope)) return;
        ctx.header(
                "WWW-Authenticate",
                "Bearer realm=\"wargeys\", error=\"insufficient_scope\", scope=\"" + scope.code() + "\"");
        throw new ApiRefusal(403, "insufficient-scope", "api.error.scope", Map.of("scope", scope.code()));
    }

    private static ApiRefusal forbidden() {
        return new ApiRefusal(403, "forbidden", "api.error.role");
    }

    private Article article(String id) {
        if (!id.matches("[0-9]{1,18}")) throw new NotFoundException("No article " + id);
        return articles.find(Long.parseLong(id));
    }

    /** The article of the path, if the owner may edit it (one they may not is as good as absent). */
    private Article editableArticle(Context ctx, User user) {
        Article article = article(ctx.pathParam("id"));
        if (!Permissions.mayEdit(user, article, origins.find(article.id()))) {
            throw new NotFoundException("No article " + article.id() + " for " + user.email());
        }
        return article;
    }

    private Boolean pinned(JsonBody body, AccessTokens.Authenticated who) {
        Boolean pinned = body.bool("pinned");
        if (pinned == null) return null;
        if (!who.token().scopes().contains(Scope.PUBLISH)) {
            throw new ApiRefusal(403, "insufficient-scope", "api.error.scope", Map.of("scope", Scope.PUBLISH.code()));
        }
        if (!Permissions.mayPin(who.user())) throw forbidden();
        return pinned;
    }

    private static int ifMatch(Context ctx) {
        String value = ctx.header("If-Match");
        if (value == null) throw new ApiRefusal(428, "precondition-required", "api.error.if_match_required");
        String revision = value.strip();
        if (revision.startsWith("\"") && revision.endsWith("\"") && revision.length() >= 2) {
            revision = revision.substring(1, revision.length() - 1);
        }
        if (!revision.matches("[0-9]{1,9}")) throw new ApiRefusal(400, "bad-request", "api.error.if_match");
        return Integer.parseInt(revision);
    }

    private static Dateline dateline(JsonBody body, Dateline current) {
        if (!body.has("dateline")) return current;
        JsonBody d = body.object("dateline", Set.of("place", "outlet"));
        return d == null ? Dateline.NONE : new Dateline(d.text("place"), d.text("outlet"));
    }

    private static BodyFormat format(JsonBody body, BodyFormat current) {
        String code = body.text("body_format");
        if (code == null) return current;
        try {
            return BodyFormat.of(code);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("body_format", "api.error.body_format");
        }
    }

    private static byte[] request(Context ctx, byte[] body) {
        return concat((ctx.method().name() + " " + ctx.path() + "\n").getBytes(StandardCharsets.UTF_8), body);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** Answers a POST: its status, the resource's address and its current state. */
    private void answer(Context ctx, Idempotency.Outcome outcome) {
        if (outcome.replayed()) ctx.header("Idempotent-Replayed", "true");
        if (outcome.status() == 201) ctx.header("Location", site.absolute(outcome.location()));
        String location = outcome.location();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        if (location.startsWith("/api/v1/admin/media/")) {
            Image image = media.find(id).orElseThrow(() -> new NotFoundException("No image " + id));
            send(ctx, outcome.status(), json.image(image, site.defaultLanguage().code()));
        } else {
            Article article = articles.find(id);
            ctx.header("ETag", "\"" + article.revision() + "\"");
            send(ctx, outcome.status(), editable(article));
        }
    }

    /** The article as its editors have it: source text, status, keys, revision. */
    ObjectNode editable(Article a) {
        ArticleDetails details = articles.details(a);
        ObjectNode node = json.object();
        node.put("id", a.id());
        node.put("translation_group_id", a.translationGroupId());
        node.put("language", a.language());
        node.put("status", a.status().code());
        node.put("revision", a.revision());
        node.put("slug", a.slug());
        node.put("headline", a.headline());
        ObjectNode dateline = node.putObject("dateline");
        dateline.put("place", a.dateline().place());
        dateline.put("outlet", a.dateline().outlet());
        node.put("standfirst", a.standfirst());
        node.put("body_format", a.bodyFormat().code());
        node.put("body", a.body());
        node.put("body_html", a.bodyHtml());
        node.put("section", details.section().map(s -> s.key()).orElse(null));
        ArrayNode tags = node.putArray("tags");
        details.tags().forEach(t -> tags.add(t.key()));
        ArrayNode authors = node.putArray("authors");
        details.authors().forEach(t -> authors.add(t.key()));
        node.put("seo_title", a.seoTitle());
        node.put("seo_description", a.seoDescription());
        Long image = articles.featuredImageId(a.id());
        if (image == null) node.putNull("featured_image");
        else node.put("featured_image", image);
        node.put("pinned", a.pinned());
        node.put("created_at", ApiJson.instant(a.createdAt()));
        node.put("updated_at", ApiJson.instant(a.updatedAt()));
        node.put("published_at", ApiJson.instant(a.publishedAt()));
        node.put("scheduled_at", ApiJson.instant(a.scheduledAt()));
        node.put("url", a.isPublished() ? json.url(a) : null);
        ArrayNode notes = node.putArray("corrections");
        corrections.of(a.id()).forEach(c -> {
            ObjectNode note = notes.addObject();
            note.put("id", c.id());
            note.put("note", c.note());
            note.put("corrected_at", ApiJson.instant(c.correctedAt()));
        });
        var origin = origins.find(a.id());
        if (origin.isPresent() && origin.get().isTranslation()) {
            ObjectNode source = node.putObject("source");
            source.put("article_id", origin.get().sourceArticleId());
            source.put("revision", origin.get().sourceRevision());
            source.put("outdated", translations.isOutdated(a.id()));
        } else {
            node.putNull("source");
        }
        return node;
    }

    private void send(Context ctx, int status, Object body) {
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).contentType(ApiJson.TYPE).result(json.bytes(body));
    }
}
