package org.wargeys.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.wargeys.account.Role;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleDraft;
import org.wargeys.article.ArticleEdit;
import org.wargeys.platform.Actor;
import org.wargeys.platform.AuditLog;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.StaffClient;
import org.wargeys.testsupport.TestSite;

/**
 * Live blogs through the real program on both databases: the newsroom's forms (CSRF, roles), the
 * readers' page (newest first, key events, pagination by keyset), the poll answer kept by the page
 * cache and purged by each entry (ETag, 304, surrogate keys), languages (the translator's queue, the
 * originals an editor chooses to show), the end of the coverage, JSON-LD and the Atom feed. Each test
 * makes its own live article on one shared site.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveBlogIT {

    static final String PASSWORD = "correct horse battery";
    static final ObjectMapper JSON = new ObjectMapper();

    @Parameter
    DatabaseKind database;

    TestSite site;
    StaffClient editor;
    StaffClient author;
    StaffClient translator;

    @BeforeParameterizedClassInvocation
    void start() {
        site = TestSite.start(database);
        var accounts = site.wiring().accounts().accounts();
        accounts.create("editor@example.org", "Edna", Role.EDITOR, Set.of(), PASSWORD, Actor.TERMINAL);
        accounts.create("author@example.org", "Asha", Role.AUTHOR, Set.of(), PASSWORD, Actor.TERMINAL);
        accounts.create("translator@example.org", "Tariq", Role.TRANSLATOR, Set.of("so"), PASSWORD, Actor.TERMINAL);
        editor = StaffClient.signIn(site, "editor@example.org", PASSWORD);
        author = StaffClient.signIn(site, "author@example.org", PASSWORD);
        translator = StaffClient.signIn(site, "translator@example.org", PASSWORD);
    }

    @AfterParameterizedClassInvocation
    void stop() {
        if (site != null) site.deleteData();
    }

    @Test
    void an_editor_turns_an_article_live_and_readers_get_entries_newest_first_with_key_events_on_top() {
        Article article = published("Election count in Hargeisa");
        assertThat(editor.post("/admin/articles/" + article.id() + "/live/start", Map.of())
                        .statusCode())
                .isEqualTo(303);
        post(article, "Polls have closed in **Hargeisa**.", false);
        post(article, "First results: turnout at 70 %.", true);
        post(article, "Counting continues <script>alert(1)</script> overnight.", false);

        Document page = site.html(path(article));
        assertThat(page.select(".live-badge").text()).isEqualTo("Live");
        assertThat(page.select(".live-status time").attr("datetime")).isEqualTo(TestSite.NOW.toString());
        var entries = page.select("#live-entries > article.live-entry");
        assertThat(entries).hasSize(3);
        assertThat(entries.get(0).text()).contains("Counting continues").contains("By Edna");
        assertThat(entries.get(2).select(".live-entry-body strong").text()).isEqualTo("Hargeisa");
        // The text went through the articles' sanitizer.
        assertThat(page.select(".live-entry script")).isEmpty();
        assertThat(page.select(".live-key-events li")).hasSize(1);
        assertThat(page.select(".live-key-events a").attr("href"))
                .isEqualTo("#" + entries.get(1).id());
        // Each entry has its permalink and share link.
        String anchor = entries.get(0).id();
        assertThat(entries.get(0).select("a.live-entry-time").attr("href")).isEqualTo(path(article) + "#" + anchor);
        assertThat(entries.get(0).select("a.live-share").attr("href"))
                .isEqualTo(path(article) + "?entry=" + anchor.substring("entry-".length()));
        assertThat(page.select("script[src^=/assets/live.]")).hasSize(1);
        assertThat(page.select("[data-live-poll]").attr("data-live-poll")).isEqualTo("/en/live/" + article.id());

        assertThat(audit(article)).containsSubsequence("live.start", "live.post", "live.post", "live.post");
    }

    @Test
    void older_entries_are_pages_of_their_own_by_keyset_and_work_without_javascript() {
        Article article = published("A long day of coverage");
        editor.post("/admin/articles/" + article.id() + "/live/start", Map.of());
        for (int i = 1; i <= 25; i++) post(article, "Update number " + i + ".", false);

        Document first = site.html(path(article));
        assertThat(first.select("#live-entries > article")).hasSize(20);
        assertThat(first.select("#live-entries > article").first().text()).contains("Update number 25.");
        String older = first.selectFirst("a[rel=next]").attr("href");
        assertThat(older).startsWith(path(article) + "?before=");

        HttpResponse<String> second = site.get(older);
        assertThat(second.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(second.body());
        assertThat(page.select("#live-entries > article")).hasSize(5);
        assertThat(page.select("#live-entries > article").last().text()).contains("Update number 1.");
        assertThat(page.select("a[rel=next]")).isEmpty();
        assertThat(page.select(".live-pages a").attr("href")).isEqualTo(path(article));
        // Older pages do not poll: nothing new ever arrives on them.
        assertThat(page.select("[data-live-poll]").attr("data-live-poll")).isEmpty();
        // The page cache keeps them; any other query is served the article, never kept.
        assertThat(site.get(older).headers().firstValue("X-Cache")).hasValue("HIT");
        site.get(path(article) + "?utm_source=x");
        assertThat(site.get(path(article) + "?utm_source=x").headers().firstValue("X-Cache"))
                .hasValue("MISS");
        // On an article that is no live blog, the live queries are sent to the article.
        Article plain = published("Not live");
        assertThat(site.get(path(plain) + "?before=5").statusCode()).isEqualTo(301);
    }

    @Test
    void the_poll_answer_is_kept_revalidated_with_its_etag_and_purged_exactly_by_an_entry() throws Exception {
        Article article = published("Drought declared");
        editor.post("/admin/articles/" + article.id() + "/live/start", Map.of());
        post(article, "The declaration is expected at noon.", false);
        String poll = "/en/live/" + article.id();

        HttpResponse<String> first = site.get(poll);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        long group = article.translationGroupId();
        assertThat(first.headers().firstValue("Surrogate-Key").orElseThrow())
                .contains("live-" + group)
                .contains("article-" + article.id());
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=0");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(site.get(poll).headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(site.get(poll, Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);
        JsonNode answer = JSON.readTree(first.body());
        assertThat(answer.path("live").asBoolean()).isTrue();
        assertThat(answer.path("entries")).hasSize(1);

        // Another article's entry purges nothing here.
        Article other = published("Another story");
        editor.post("/admin/articles/" + other.id() + "/live/start", Map.of());
        post(other, "Elsewhere.", false);
        assertThat(site.get(poll, Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);

        post(article, "The president has declared a national drought emergency.", true);
        HttpResponse<String> after = site.get(poll, Map.of("If-None-Match", etag));
        assertThat(after.statusCode()).isEqualTo(200);
        JsonNode updated = JSON.readTree(after.body());
        assertThat(updated.path("entries")).hasSize(2);
        Document newest =
                Jsoup.parse(updated.path("entries").get(0).path("html").asText());
        assertThat(newest.text()).contains("national drought emergency");
        assertThat(updated.path("entries").get(0).path("thread").asLong())
                .isGreaterThan(updated.path("entries").get(1).path("thread").asLong());

        // An edit and a delete purge it too.
        long entryId = site.wiring()
                .live()
                .reads()
                .entries(blog(article), "en", null, 1)
                .get(0)
                .id();
        String etag2 = after.headers().firstValue("ETag").orElseThrow();
        Map<String, String> edit = new HashMap<>();
        edit.put("text", "The president declared a national drought emergency at 12:10.");
        assertThat(editor.post("/admin/live-entries/" + entryId, edit).statusCode())
                .isEqualTo(303);
        HttpResponse<String> edited = site.get(poll, Map.of("If-None-Match", etag2));
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(edited.body()).contains("at 12:10");
        assertThat(editor.post("/admin/live-entries/" + entryId + "/delete", Map.of())
                        .statusCode())
                .isEqualTo(303);
        assertThat(JSON.readTree(site.get(poll).body()).path("entries")).hasSize(1);
        assertThat(audit(article)).contains("live.edit", "live.delete");
    }

    @Test
    void a_translation_has_its_own_entries_from_the_translators_queue_and_originals_show_only_when_chosen() {
        Article english = published("Flooding along the Shabelle");
        Article somali = translation(english, "Fatahaad ka dhacday Shabeelle");
        editor.post("/admin/articles/" + english.id() + "/live/start", Map.of());
        post(english, "The river burst its banks at dawn.", true);
        post(english, "Families are moving to higher ground.", false);

        // The translator's queue holds both, oldest first.
        Document queue = translator.page("/admin/articles/" + somali.id() + "/live");
        var waiting = queue.select("form.live-translate");
        assertThat(waiting).hasSize(2);
        assertThat(waiting.get(0).text()).contains("burst its banks");
        String source = waiting.get(0).selectFirst("input[name=source]").val();
        HttpResponse<String> translated = translator.post(
                "/admin/articles/" + somali.id() + "/live/entries",
                Map.of("source", source, "text", "Webiga ayaa buuxdhaafay waaberiga."));
        assertThat(translated.statusCode()).as(translated.body()).isEqualTo(303);
        assertThat(translator.page("/admin/articles/" + somali.id() + "/live").select("form.live-translate"))
                .hasSize(1);

        Document so = site.html(path(somali));
        assertThat(so.select("#live-entries > article")).hasSize(1);
        var entry = so.selectFirst("#live-entries > article");
        assertThat(entry.text()).contains("Webiga ayaa buuxdhaafay");
        assertThat(entry.attr("lang")).isEqualTo("so");
        // Its anchor is the source entry's, in every language; the key-event mark came with it.
        assertThat(entry.id()).isEqualTo("entry-" + source);
        assertThat(so.select(".live-key-events li")).hasSize(1);
        assertThat(so.select(".live-badge").text()).isEqualTo("Toos");

        // The editor chooses to show the untranslated original, labelled with its language.
        assertThat(editor.post("/admin/articles/" + english.id() + "/live/originals", Map.of("show", "1"))
                        .statusCode())
                .isEqualTo(303);
        Document withOriginals = site.html(path(somali));
        assertThat(withOriginals.select("#live-entries > article")).hasSize(2);
        var original = withOriginals.selectFirst("#live-entries > article");
        assertThat(original.attr("lang")).isEqualTo("en");
        assertThat(original.select(".live-original").text()).contains("Ingiriisi");
        // The English page shows only English entries, both.
        assertThat(site.html(path(english)).select("#live-entries > article")).hasSize(2);

        // Deleting a source entry takes its translation with it.
        editor.post("/admin/live-entries/" + source + "/delete", Map.of());
        assertThat(site.html(path(somali)).select("#live-entries > article[lang=so]"))
                .isEmpty();
        assertThat(audit(somali)).contains("live.translate");
    }

    @Test
    void an_entry_shows_its_image_with_the_alt_text_of_its_language_and_its_pull_quote() throws Exception {
        Article article = published("Port of Berbera");
        editor.post("/admin/articles/" + article.id() + "/live/start", Map.of());
        var picture = new java.awt.image.BufferedImage(1200, 800, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var bytes = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(picture, "jpeg", bytes);
        var media = site.wiring().media().service();
        var described = media.upload(
                bytes.toByteArray(),
                "Warsoor",
                Map.of("en", new org.wargeys.media.Image.Text("Cranes at the port of Berbera", null)),
                Actor.TERMINAL);
        var bare = media.upload(bytes.toByteArray(), null, Map.of(), false, Actor.TERMINAL);

        Map<String, String> form = new HashMap<>();
        form.put("text", "The first ship has docked.");
        form.put("media", String.valueOf(described.id()));
        form.put("quote", "“We have waited ten years,” the port manager said.");
        assertThat(editor.post("/admin/articles/" + article.id() + "/live/entries", form)
                        .statusCode())
                .isEqualTo(303);
        // An image the library does not describe needs its alt text typed with the entry.
        HttpResponse<String> refused = editor.post(
                "/admin/articles/" + article.id() + "/live/entries",
                Map.of("text", "A second ship.", "media", String.valueOf(bare.id())));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).select("#alt-error").text()).contains("alt text");
        assertThat(editor.post(
                                "/admin/articles/" + article.id() + "/live/entries",
                                Map.of(
                                        "text",
                                        "A second ship.",
                                        "media",
                                        String.valueOf(bare.id()),
                                        "alt",
                                        "A container ship at the quay"))
                        .statusCode())
                .isEqualTo(303);

        var entries = site.html(path(article)).select("#live-entries > article");
        assertThat(entries.get(0).select("figure.live-image img").attr("alt"))
                .isEqualTo("A container ship at the quay");
        assertThat(entries.get(1).select("figure.live-image img").attr("alt"))
                .isEqualTo("Cranes at the port of Berbera");
        assertThat(entries.get(1).select("figure.live-image img").attr("src")).contains(String.valueOf(described.id()));
        assertThat(entries.get(1).select(".live-quote").text()).contains("We have waited ten years");
    }

    @Test
    void only_editors_run_the_coverage_and_only_staff_on_the_article_post() {
        Article article = published("Roles on a live article");
        assertThat(author.post("/admin/articles/" + article.id() + "/live/start", Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(translator
                        .post("/admin/articles/" + article.id() + "/live/start", Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(site.wiring().live().reads().blog(article.translationGroupId()))
                .isEmpty();
        editor.post("/admin/articles/" + article.id() + "/live/start", Map.of());
        // The author did not write this article: not staff on it.
        assertThat(author.post("/admin/articles/" + article.id() + "/live/entries", Map.of("text", "Mine."))
                        .statusCode())
                .isEqualTo(403);
        assertThat(translator
                        .post("/admin/articles/" + article.id() + "/live/entries", Map.of("text", "Mine."))
                        .statusCode())
                .isEqualTo(403);
        // Without the session's CSRF token, nothing is posted.
        HttpResponse<String> forged = site.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(site.baseUrl() + "/admin/articles/" + article.id() + "/live/entries"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("text=Forged"))
                .build());
        assertThat(forged.statusCode()).isIn(401, 403);
        assertThat(site.wiring().live().reads().entries(blog(article), "en", null, 10))
                .isEmpty();
    }

    @Test
    void the_composer_keeps_the_text_as_typed_on_an_error_in_the_staff_members_language() throws Exception {
        Article article = published("Composer errors");
        editor.post("/admin/articles/" + article.id() + "/live/start", Map.of());
        HttpResponse<String> refused = editor.post(
                "/admin/articles/" + article.id() + "/live/entries",
                Map.of("text", "x".repeat(10_001), "quote", "A quote kept"),
                Map.of("Accept-Language", "so"));
        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select("textarea[name=text]").text()).hasSize(10_001);
        assertThat(page.select("input[name=quote]").val()).isEqualTo("A quote kept");
        assertThat(page.select("#text-error").text())
                .isEqualTo("Warbixintu waxay yeelan kartaa ugu badnaan 10000 xaraf.");
        // The composer's script gets the same refusal as JSON, and a post as the line to list.
        HttpResponse<String> scripted = editor.post(
                "/admin/articles/" + article.id() + "/live/entries",
                Map.of("text", " "),
                Map.of("Accept", "application/json"));
        assertThat(scripted.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(scripted.body()).path("errors").path("text").asText())
                .isEqualTo("Write the update before posting it.");
        HttpResponse<String> listed = editor.post(
                "/admin/articles/" + article.id() + "/live/entries",
                Map.of("text", "Posted by the script."),
                Map.of("Accept", "application/json"));
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(JSON.readTree(listed.body()).path("html").asText())
                        .select("li[data-entry]")
                        .text())
                .contains("Posted by the script.");
        editor.post("/admin/live-entries/" + blogEntries(article).get(0).id() + "/delete", Map.of());
        HttpResponse<String> image = editor.post(
                "/admin/articles/" + article.id() + "/live/entries",
                Map.of("text", "With an image", "media", "999999"));
        assertThat(image.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(image.body()).select("#media-error").text()).contains("not in the media library");
        assertThat(site.wiring().live().reads().entries(blog(article), "en", null, 10))
                .isEmpty();
    }

    @Test
    void when_the_coverage_ends_the_page_is_an_ordinary_article_and_json_ld_and_the_feed_say_so() throws Exception {
        Article article = published("A summit in Djibouti");
        editor.post("/admin/articles/" + article.id() + "/live/start", Map.of());
        post(article, "Leaders arrive for the summit.", true);
        post(article, "The communiqué is signed.", false);

        Document live = site.html(path(article));
        JsonNode json = JSON.readTree(
                live.selectFirst("script[type=application/ld+json]").data());
        assertThat(json.path("@context").asText()).isEqualTo("https://schema.org");
        assertThat(json.path("@type").asText()).isEqualTo("LiveBlogPosting");
        assertThat(Instant.parse(json.path("coverageStartTime").asText())).isEqualTo(TestSite.NOW);
        assertThat(json.has("coverageEndTime")).isFalse();
        assertThat(json.path("liveBlogUpdate")).hasSize(2);
        for (JsonNode update : json.path("liveBlogUpdate")) {
            assertThat(update.path("@type").asText()).isEqualTo("BlogPosting");
            assertThat(update.path("headline").asText()).isNotBlank().hasSizeLessThanOrEqualTo(110);
            assertThat(Instant.parse(update.path("datePublished").asText())).isNotNull();
            assertThat(update.path("url").asText()).startsWith(site.baseUrl() + path(article) + "#entry-");
            assertThat(update.path("author").path("name").asText()).isEqualTo("Edna");
        }
        assertThat(json.path("headline").asText()).isEqualTo("A summit in Djibouti");

        // The entry's share link previews as the entry.
        String share = live.selectFirst("a.live-share").attr("href");
        Document shared = site.html(share);
        assertThat(shared.selectFirst("meta[property=og:description]").attr("content"))
                .isEqualTo("The communiqué is signed.");
        assertThat(shared.selectFirst("meta[property=og:url]").attr("content")).isEqualTo(site.baseUrl() + share);
        assertThat(site.get(path(article) + "?entry=999999").statusCode()).isEqualTo(404);

        // The Atom feed, read by ROME.
        HttpResponse<String> atom = site.get("/en/live/" + article.id() + "/atom.xml");
        assertThat(atom.statusCode()).isEqualTo(200);
        SyndFeedInput input = new SyndFeedInput();
        input.setXmlHealerOn(false);
        SyndFeed feed = input.build(new StringReader(atom.body()));
        assertThat(feed.getEntries()).hasSize(2);
        assertThat(feed.getEntries().get(0).getTitle()).isEqualTo("The communiqué is signed.");
        assertThat(feed.getEntries().get(0).getLink()).isEqualTo(site.baseUrl() + share);

        assertThat(editor.post("/admin/articles/" + article.id() + "/live/end", Map.of())
                        .statusCode())
                .isEqualTo(303);
        Document ended = site.html(path(article));
        assertThat(ended.select(".live-badge")).isEmpty();
        assertThat(ended.select("script[src^=/assets/live.]")).isEmpty();
        assertThat(ended.select("#live-entries > article")).hasSize(2);
        assertThat(ended.select(".live-status").text()).startsWith("Coverage ended.");
        JsonNode closed = JSON.readTree(
                ended.selectFirst("script[type=application/ld+json]").data());
        assertThat(Instant.parse(closed.path("coverageEndTime").asText())).isEqualTo(TestSite.NOW);
        assertThat(JSON.readTree(site.get("/en/live/" + article.id()).body())
                        .path("live")
                        .asBoolean())
                .isFalse();
        // No more posts; the page is kept like any article.
        assertThat(editor.post("/admin/articles/" + article.id() + "/live/entries", Map.of("text", "Late."))
                        .statusCode())
                .isEqualTo(400);
        assertThat(site.get(path(article)).headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(audit(article)).contains("live.end");
    }

    @Test
    void the_home_and_section_pages_mark_the_article_live_in_every_language_while_the_coverage_runs() {
        Article article = published("Flood warning for the Shabelle");
        Article somali = translation(article, "Digniin daad oo Shabeelle ah");
        // Kept by the page cache before the coverage starts: starting it must drop them.
        assertThat(liveMarked(site.html("/en/"), article)).isFalse();
        assertThat(liveMarked(site.html("/so/"), somali)).isFalse();

        editor.post("/admin/articles/" + article.id() + "/live/start", Map.of());
        Document english = site.html("/en/");
        assertThat(liveMarked(english, article)).isTrue();
        assertThat(liveMarked(site.html("/so/"), somali)).isTrue();
        assertThat(english.select(".teaser .live-badge").first().text()).isEqualTo("Live");
        assertThat(liveMarked(site.html("/en/section/world"), article))
                .as("its section page")
                .isTrue();

        editor.post("/admin/articles/" + article.id() + "/live/end", Map.of());
        assertThat(liveMarked(site.html("/en/"), article)).isFalse();
        assertThat(liveMarked(site.html("/so/"), somali)).isFalse();
        assertThat(liveMarked(site.html("/en/section/world"), article)).isFalse();
    }

    private boolean liveMarked(Document home, Article article) {
        var teaser = home.select(".teaser:has(a[href=\"" + path(article) + "\"])");
        assertThat(teaser).as("listed on the home page").hasSize(1);
        return !teaser.select(".live-badge").isEmpty();
    }

    // ---- helpers

    private Article published(String headline) {
        var articles = site.wiring().articles().service();
        Article draft = articles.createDraft(
                new ArticleDraft(
                        "en", null, headline, null, null, null, "What we know so far.", "world", List.of(), List.of()),
                Actor.TERMINAL);
        return articles.publish(draft.id(), Actor.TERMINAL);
    }

    /** Started as the newsroom starts one (its origin says it translates the source), then published. */
    private Article translation(Article source, String headline) {
        var articles = site.wiring().articles().service();
        Article started = site.wiring().translations().progress().start(source.id(), "so", Actor.TERMINAL);
        Article somali = articles.save(
                started.id(),
                started.revision(),
                ArticleEdit.of(new ArticleDraft(
                        "so", null, headline, null, null, null, "Waxa aan ognahay.", "world", List.of(), List.of())),
                Actor.TERMINAL);
        return articles.publish(somali.id(), Actor.TERMINAL);
    }

    private void post(Article article, String text, boolean keyEvent) {
        Map<String, String> form = new HashMap<>();
        form.put("text", text);
        if (keyEvent) form.put("key_event", "1");
        HttpResponse<String> posted = editor.post("/admin/articles/" + article.id() + "/live/entries", form);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
    }

    private List<LiveEntry> blogEntries(Article article) {
        return site.wiring().live().reads().entries(blog(article), "en", null, 10);
    }

    private LiveBlog blog(Article article) {
        return site.wiring().live().reads().blog(article.translationGroupId()).orElseThrow();
    }

    private String path(Article article) {
        return site.wiring().articles().paths().path(article);
    }

    private List<String> audit(Article article) {
        return site
                .wiring()
                .platform()
                .audit()
                .page(new AuditLog.Filter(null, List.of(), "article:" + article.id(), null, null), null, null, 100)
                .stream()
                .map(e -> e.action())
                .collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), l -> {
                    java.util.Collections.reverse(l);
                    return l;
                }));
    }
}
