package org.wargeys.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jsoup.nodes.Document;
import org.wargeys.account.Role;
import org.wargeys.article.ArticleDraft;
import org.wargeys.article.ArticleEdit;
import org.wargeys.article.ArticlePaths;
import org.wargeys.article.BodyFormat;
import org.wargeys.article.Dateline;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.StaffClient;
import org.wargeys.testsupport.TestSite;

/**
 * A demo site with something on every page type, public and newsroom, for the judges that read every
 * page type (the Nu HTML Checker in {@link HtmlValidityIT}, axe-core in {@link AccessibilityBrowserIT}):
 * archive pages past the first, related articles, an Arabic article, a pull quote, a featured image, a
 * correction, a share total, revisions, a translation in progress, a translator's languages, an
 * administrator signed in. One SQLite site: the markup comes from the templates, which no database
 * changes. Close it with {@link #delete()}.
 */
final class EveryPageType {

    static final String PASSWORD = "correct horse battery";

    final TestSite site;
    final StaffClient admin;
    /** Placeholders in page paths ({draft}…) and what they stand for on this site. */
    final Map<String, String> made = new HashMap<>();
    /** The draft's editor form as it was at revision 1, for a save from a stale revision. */
    Map<String, String> staleForm;

    private EveryPageType() throws Exception {
        site = TestSite.start(
                DatabaseKind.SQLITE,
                true,
                Map.of(
                        "sharing.x_handle",
                        "warsoor",
                        "sharing.social_proof_threshold",
                        "3",
                        "webhook.allow_private_targets",
                        "true"));
        site.wiring().search().indexer().rebuilding().get();
        addReadersContent();
        var accounts = site.wiring().accounts().accounts();
        accounts.create("admin@example.org", "Ada", Role.ADMINISTRATOR, Set.of(), PASSWORD, Actor.TERMINAL);
        accounts.create("translator@example.org", "Tariq", Role.TRANSLATOR, Set.of("so"), PASSWORD, Actor.TERMINAL);
        admin = StaffClient.signIn(site, "admin@example.org", PASSWORD);
        addNewsroomWork();
        addLiveBlog();
    }

    static EveryPageType start() throws Exception {
        return new EveryPageType();
    }

    private static EveryPageType shared;

    /**
     * One site for every judge class that only reads it (axe, Lighthouse, link previews), started on
     * first use and deleted when the test JVM exits: it takes seconds to make, and they change nothing.
     */
    static synchronized EveryPageType shared() throws Exception {
        if (shared == null) {
            EveryPageType made = new EveryPageType();
            // Only its files: a graceful stop inside a shutdown hook held the test JVM's exit past
            // Surefire's 30-second wait; the exiting process ends the server anyway.
            Runtime.getRuntime().addShutdownHook(new Thread(made.site::deleteFilesAtExit));

            shared = made;
        }
        return shared;
    }

    void delete() {
        site.deleteData();
    }

    /** A path with its placeholders replaced. */
    String resolve(String text) {
        String resolved = text;
        for (var placeholder : made.entrySet())
            resolved = resolved.replace(placeholder.getKey(), placeholder.getValue());
        return resolved;
    }

    /**
     * A live article (issue 17) with more entries than one page shows, a key event, and a Somali
     * translation with one entry translated and the untranslated originals shown with their language.
     */
    private void addLiveBlog() {
        var articles = site.wiring().articles().service();
        var draft = articles.createDraft(
                new ArticleDraft(
                        "en",
                        "election-count-live",
                        "Election count: live",
                        null,
                        null,
                        null,
                        "Votes are being counted across Somaliland.",
                        "world",
                        List.of(),
                        List.of()),
                Actor.TERMINAL);
        var live = articles.publish(draft.id(), Actor.TERMINAL);
        var started = site.wiring().translations().progress().start(live.id(), "so", Actor.TERMINAL);
        var somali = articles.save(
                started.id(),
                started.revision(),
                ArticleEdit.of(new ArticleDraft(
                        "so",
                        "tirinta-doorashada",
                        "Tirinta doorashada: toos",
                        null,
                        null,
                        null,
                        "Codadka ayaa la tirinayaa.",
                        "world",
                        List.of(),
                        List.of())),
                Actor.TERMINAL);
        somali = articles.publish(somali.id(), Actor.TERMINAL);
        String base = "/admin/articles/" + live.id() + "/live";
        assertThat(admin.post(base + "/start", Map.of()).statusCode()).isEqualTo(303);
        for (int i = 1; i <= 22; i++) {
            Map<String, String> form = new HashMap<>();
            form.put("text", "Update " + i + ": ballot boxes from district " + i + " have **arrived**.");
            if (i == 3) form.put("key_event", "1");
            if (i == 22) form.put("quote", "“Every vote will be counted,” the commission said.");
            assertThat(admin.post(base + "/entries", form).statusCode()).isEqualTo(303);
        }
        var blog = site.wiring().live().reads().blog(live.translationGroupId()).orElseThrow();
        var queue = site.wiring().live().reads().queue(blog, "so");
        long first = queue.get(queue.size() - 1).id();
        assertThat(admin.post(
                                "/admin/articles/" + somali.id() + "/live/entries",
                                Map.of(
                                        "source",
                                        String.valueOf(first),
                                        "text",
                                        "Warbixin 22: sanaadiiqda codbixinta ayaa yimid."))
                        .statusCode())
                .isEqualTo(303);
        assertThat(admin.post(base + "/originals", Map.of("show", "1")).statusCode())
                .isEqualTo(303);
        var paths = site.wiring().articles().paths();
        made.put("{live}", String.valueOf(live.id()));
        made.put("{live-so}", String.valueOf(somali.id()));
        made.put("{live-path}", paths.path(live));
        made.put("{live-so-path}", paths.path(somali));
        made.put(
                "{live-older}",
                site.html(paths.path(live)).selectFirst("a[rel=next]").attr("href"));
    }

    /** Archive pages past the first, related articles, an Arabic article, a pull quote. */
    private void addReadersContent() {
        var articles = site.wiring().articles().service();
        articles.defineSection("sport", Map.of("en", "Sport", "so", "Ciyaaraha"), Actor.TERMINAL);
        // More match reports than one archive page holds (20), for the second page and its links.
        for (int i = 1; i <= 23; i++) {
            var draft = articles.createDraft(
                    new ArticleDraft(
                            "en",
                            "match-report-" + i,
                            "Match report " + i,
                            null,
                            null,
                            null,
                            "Mogadishu derby, round " + i + ".",
                            "sport",
                            List.of(),
                            List.of()),
                    Actor.TERMINAL);
            articles.publishArchived(
                    draft.id(), Instant.parse("2024-03-01T12:00:00Z").plusSeconds(3600L * i), Actor.TERMINAL);
        }
        made.put(
                "{sport-older}",
                site.html("/en/section/sport").selectFirst("a[rel=next]").attr("href"));
        // A neighbour of the demo article, so that its page lists related articles.
        var related = articles.createDraft(
                new ArticleDraft(
                        "en",
                        "iran-anniversary-tension",
                        "Iran marks Soleimani anniversary amid tension",
                        null,
                        null,
                        null,
                        "Iranian leaders vowed revenge for the assassination of Qassem Soleimani as the anniversary of the drone strike neared.",
                        "world",
                        List.of("iran"),
                        List.of()),
                Actor.TERMINAL);
        articles.publishArchived(related.id(), Instant.parse("2021-01-03T08:00:00Z"), Actor.TERMINAL);
        // The demo article in Arabic, right to left.
        long group = articles.findPublished("en", "iran-vows-soleimani-revenge")
                .orElseThrow()
                .translationGroupId();
        var arabic = articles.createTranslation(
                group,
                ArticleEdit.of(new ArticleDraft(
                        "ar",
                        "iran-tatawaad",
                        "إيران تتوعد بالانتقام لسليماني مع اقتراب الذكرى الأولى لاغتياله",
                        new Dateline("إيران", "WARSOOR"),
                        null,
                        BodyFormat.MARKDOWN,
                        "تتوعد إيران بالانتقام.",
                        "world",
                        List.of("iran"),
                        List.of("newsroom"))),
                Actor.TERMINAL);
        articles.publish(arabic.id(), Actor.TERMINAL);
        // A pull quote readers may share.
        var quoted = articles.createDraft(
                new ArticleDraft(
                        "en",
                        "valid-quote",
                        "A valid pull quote",
                        Dateline.NONE,
                        null,
                        BodyFormat.HTML,
                        "<p>Lede.</p><blockquote class=\"shareable\"><p>A quote worth sharing.</p></blockquote>",
                        "world",
                        List.of(),
                        List.of()),
                Actor.TERMINAL);
        articles.publish(quoted.id(), Actor.TERMINAL);
    }

    /**
     * What the administrator makes through the newsroom: a draft saved twice, a published article with
     * a featured image, a correction and shares, a translation started, a section named in every
     * language.
     */
    private void addNewsroomWork() throws Exception {
        site.wiring()
                .articles()
                .service()
                .defineSection("health", Map.of("en", "Health", "so", "Caafimaad", "ar", "صحة"), Actor.TERMINAL);
        // A draft saved twice: two revisions to compare.
        long draft = write("A draft to revise", "Line one.\nLine two.");
        staleForm = form(draft);
        Map<String, String> edited = new HashMap<>(staleForm);
        edited.put("body", "Line one.\nLine two changed.");
        assertThat(admin.post("/admin/articles/" + draft, edited).statusCode()).isEqualTo(303);
        made.put("{draft}", String.valueOf(draft));
        // The editor keeps a draft from its first keystroke, headline or not.
        HttpResponse<String> untitled = admin.post("/admin/articles", Map.of("language", "en", "body", "Notes."));
        assertThat(untitled.statusCode()).as(untitled.body()).isEqualTo(303);
        made.put(
                "{untitled}",
                untitled.headers().firstValue("Location").orElseThrow().replaceAll("^/admin/articles/(\\d+).*$", "$1"));
        // An author proposes a tag that does not exist yet.
        site.wiring()
                .accounts()
                .accounts()
                .create("author@example.org", "Asha", Role.AUTHOR, Set.of(), PASSWORD, Actor.TERMINAL);
        HttpResponse<String> proposed = StaffClient.signIn(site, "author@example.org", PASSWORD)
                .post(
                        "/admin/articles",
                        Map.of("language", "en", "headline", "Proposed", "body", "x", "tags", "Pastoralists"));
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(303);

        // A published article with a featured image, a correction and shares.
        HttpResponse<String> uploaded = admin.postFile(
                "/admin/media",
                Map.of("credit", "Photo: Warsoor", "alt_en", "Fishing boats at Berbera", "caption_en", "Berbera"),
                "boats.jpg",
                "image/jpeg",
                jpeg());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(303);
        String image = uploaded.headers().firstValue("Location").orElseThrow().replaceAll("\\D", "");
        long published = write("Fishing season opens", "Boats left at dawn.");
        Map<String, String> featured = form(published);
        featured.put("featured_image", image);
        assertThat(admin.post("/admin/articles/" + published, featured).statusCode())
                .isEqualTo(303);
        assertThat(admin.post("/admin/articles/" + published + "/workflow", Map.of("step", "publish"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(admin.post(
                                "/admin/articles/" + published + "/corrections",
                                Map.of("note", "An earlier version said the boats left at noon."))
                        .statusCode())
                .isEqualTo(303);
        // Three shares reach the social-proof threshold: the share bar shows its total.
        for (String network : List.of("whatsapp", "whatsapp", "x")) {
            site.wiring().sharing().counts().record(published, network);
        }
        made.put("{published}", String.valueOf(published));
        made.put(
                "{published-path}",
                new ArticlePaths(site.wiring().platform().site().timezone())
                        .path(site.wiring().articles().service().find(published)));

        // A webhook endpoint with a delivery in its log (to a port where nothing listens).
        var endpoint = site.wiring()
                .webhooks()
                .endpoints()
                .register(
                        "http://127.0.0.1:9/hook",
                        "Nothing listens here",
                        java.util.EnumSet.allOf(org.wargeys.webhook.EventType.class),
                        Actor.TERMINAL);
        made.put("{webhook}", String.valueOf(endpoint.id()));
        var articles = site.wiring().articles().service();
        articles.publish(
                articles.createDraft(
                                new ArticleDraft(
                                        "en", null, "Delivered nowhere", null, null, null, "Text.", null, null, null),
                                Actor.TERMINAL)
                        .id(),
                Actor.TERMINAL);
        HttpResponse<String> translation =
                admin.post("/admin/articles/" + published + "/translations", Map.of("language", "ar"));
        assertThat(translation.statusCode()).as(translation.body()).isEqualTo(303);
        made.put(
                "{translation}",
                translation.headers().firstValue("Location").orElseThrow().replaceAll("\\D", ""));

        // The desk: a draft in review, one scheduled, a note that mentions the translator, an assignment.
        long inReview = write("A story waiting for review", "Text.");
        assertThat(admin.post("/admin/articles/" + inReview + "/workflow", Map.of("step", "submit"))
                        .statusCode())
                .isEqualTo(303);
        long scheduled = write("A story for tomorrow", "Text.");
        assertThat(admin.post(
                                "/admin/articles/" + scheduled + "/workflow",
                                Map.of("step", "schedule", "at", "2026-11-26T14:00"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(admin.post(
                                "/admin/articles/" + published + "/notes",
                                Map.of("note", "@translator please carry the correction over."))
                        .statusCode())
                .isEqualTo(303);
        String translatorId = String.valueOf(site.wiring()
                .accounts()
                .accounts()
                .require("translator@example.org")
                .id());
        assertThat(admin.post(
                                "/admin/articles/" + published + "/assignments",
                                Map.of("assignee", translatorId, "language", "so", "due", "2026-11-25T18:00"))
                        .statusCode())
                .isEqualTo(303);
        // Review before live: a restore of the published article waits for an editor's approval.
        int live = site.wiring().articles().service().find(published).revision();
        assertThat(admin.post(
                                "/admin/articles/" + published + "/revisions/1/restore",
                                Map.of("revision", String.valueOf(live)))
                        .statusCode())
                .isEqualTo(303);
        addSubscriber();
        // A password-reset link (its mail is not needed: the token is taken as it is made).
        site.wiring()
                .accounts()
                .accounts()
                .requestPasswordReset("translator@example.org", (tx, user, token) -> made.put("{reset-token}", token));
    }

    /**
     * A reader subscribed through the form and confirmed, and an alert sent to them: the pages their
     * links lead to, and the send history. No relay is configured: the mail waits in the outbox, where
     * the links are read.
     */
    private void addSubscriber() {
        HttpResponse<String> subscribed = site.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + site.port() + "/en/newsletter"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "email=reader%40example.org&source=%2Fen%2F&choices=1&alerts=yes&digest=yes"))
                .build());
        assertThat(subscribed.statusCode()).isEqualTo(303);
        String confirm = link(outboxText("newsletter-confirm"), "/newsletter/confirm");
        made.put("{newsletter-confirm}", confirm);
        String preferences = site.html(confirm)
                .select("main a[href*=/newsletter/preferences]")
                .attr("href");
        made.put("{newsletter-preferences}", preferences);
        var articles = site.wiring().articles().service();
        var breaking = articles.createDraft(
                new ArticleDraft(
                        "en", null, "Breaking: rains return", null, "Heavy rain.", null, "Text.", "world", null, null),
                Actor.TERMINAL);
        site.wiring().newsletters().alerts().publishAndAlert(breaking.id(), Actor.TERMINAL);
        made.put("{newsletter-unsubscribe}", link(outboxText("newsletter-alert"), "/newsletter/unsubscribe"));
    }

    String outboxText(String kind) {
        return site.wiring()
                .platform()
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT text_body FROM mail_outbox WHERE kind = :kind ORDER BY id DESC LIMIT 1")
                        .bind("kind", kind)
                        .mapTo(String.class)
                        .one());
    }

    /** The site path of the first link in the text that contains {@code part}. */
    String link(String text, String part) {
        var matcher = java.util.regex.Pattern.compile("http://[^\\s]+").matcher(text);
        while (matcher.find()) {
            if (matcher.group().contains(part))
                return matcher.group().substring(site.baseUrl().length());
        }
        throw new AssertionError("No link with " + part + " in " + text);
    }

    long write(String headline, String body) {
        HttpResponse<String> response = admin.post(
                "/admin/articles",
                Map.of(
                        "language",
                        "en",
                        "headline",
                        headline,
                        "dateline_place",
                        "MOGADISHU",
                        "dateline_outlet",
                        "WARSOOR",
                        "standfirst",
                        "A standfirst.",
                        "body",
                        body,
                        "section",
                        "world",
                        "tags",
                        "iran",
                        "authors",
                        "newsroom"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        return Long.parseLong(
                response.headers().firstValue("Location").orElseThrow().replaceAll("^/admin/articles/(\\d+).*$", "$1"));
    }

    /** The editor form's fields as a browser would post them (unticked boxes left out). */
    Map<String, String> form(long id) {
        Document page = admin.page("/admin/articles/" + id);
        Map<String, String> fields = new HashMap<>();
        page.select("form[data-editor] input[name], form[data-editor] textarea[name], form[data-editor] select[name]")
                .forEach(e -> {
                    if (e.is("input[type=checkbox]") && !e.hasAttr("checked")) return;
                    if (e.is("select")) {
                        var chosen = e.selectFirst("option[selected]");
                        fields.put(e.attr("name"), chosen == null ? "" : chosen.val());
                    } else {
                        fields.put(e.attr("name"), e.is("textarea") ? e.wholeText() : e.val());
                    }
                });
        return fields;
    }

    private static byte[] jpeg() throws IOException {
        var picture = new java.awt.image.BufferedImage(1200, 800, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new ByteArrayOutputStream();
        ImageIO.write(picture, "jpeg", out);
        return out.toByteArray();
    }
}
