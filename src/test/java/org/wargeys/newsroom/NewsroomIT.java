package org.wargeys.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
import org.wargeys.article.ArticleModule;
import org.wargeys.article.ArticlePaths;
import org.wargeys.article.ArticlePublished;
import org.wargeys.article.ArticleStatus;
import org.wargeys.article.ArticleWorkflow;
import org.wargeys.media.MediaModule;
import org.wargeys.platform.Actor;
import org.wargeys.platform.Platform;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.StaffClient;
import org.wargeys.testsupport.TestSite;

/**
 * The newsroom at work over real HTTP, on each database (see the subclasses): writing, conflicts,
 * the article list, translating, outdated translations, scheduling, revisions and corrections.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewsroomIT {

    static final String PASSWORD = "correct horse battery";

    TestSite site;
    StaffClient editor;
    StaffClient translator;

    @Parameter
    DatabaseKind database;

    DatabaseKind database() {
        return database;
    }

    @BeforeParameterizedClassInvocation
    void start() {
        site = TestSite.start(database());
        site.wiring()
                .accounts()
                .accounts()
                .create("editor@example.org", "Edna", Role.EDITOR, Set.of(), PASSWORD, Actor.TERMINAL);
        site.wiring()
                .accounts()
                .accounts()
                .create("translator@example.org", "Tariq", Role.TRANSLATOR, Set.of("so"), PASSWORD, Actor.TERMINAL);
        editor = StaffClient.signIn(site, "editor@example.org", PASSWORD);
        translator = StaffClient.signIn(site, "translator@example.org", PASSWORD);
    }

    @AfterParameterizedClassInvocation
    void stop() {
        if (site != null) {
            site.deleteData();
        }
    }

    long write(String headline, String body) {
        HttpResponse<String> response = editor.post(
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
                        "authors",
                        "newsroom"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        return Long.parseLong(
                response.headers().firstValue("Location").orElseThrow().replaceAll("^/admin/articles/(\\d+).*$", "$1"));
    }

    Map<String, String> form(long id) {
        Document page = editor.page("/admin/articles/" + id);
        Map<String, String> fields = new HashMap<>();
        page.select("form[data-editor] input[name], form[data-editor] textarea[name], form[data-editor] select[name]")
                .forEach(e -> {
                    if (e.attr("type").equals("checkbox")) return;
                    String value = e.tagName().equals("textarea")
                            ? e.wholeText()
                            : e.tagName().equals("select")
                                    ? e.select("option[selected]").attr("value")
                                    : e.attr("value");
                    fields.put(e.attr("name"), value);
                });
        return fields;
    }

    String publicPath(long id) {
        return new ArticlePaths(site.wiring().platform().site().timezone())
                .path(site.wiring().articles().service().find(id));
    }

    @Test
    void an_editor_writes_an_article_and_the_second_of_two_concurrent_saves_gets_a_conflict() {
        long id = write("Port reopens after storm", "The port reopened on Monday.");
        Map<String, String> mine = form(id);
        Map<String, String> theirs = form(id);
        assertThat(mine.get("headline")).isEqualTo("Port reopens after storm");
        assertThat(mine.get("section")).isEqualTo("world");
        theirs.put("body", "Their version of the story.");
        assertThat(editor.post("/admin/articles/" + id, theirs).statusCode()).isEqualTo(303);
        mine.put("body", "My version of the story.");
        HttpResponse<String> conflict = editor.post("/admin/articles/" + id, mine);
        assertThat(conflict.statusCode()).isEqualTo(409);
        Document page = Jsoup.parse(conflict.body());
        assertThat(page.select("[role=alert]").text()).contains("Someone else saved this article");
        assertThat(page.selectFirst("textarea[name=body]").wholeText()).isEqualTo("My version of the story.");
        assertThat(site.wiring().articles().service().find(id).body()).isEqualTo("Their version of the story.");
    }

    @Test
    void autosave_answers_json_with_the_new_revision_and_refuses_a_stale_one() throws Exception {
        long id = write("Autosaved story", "First words.");
        Map<String, String> fields = form(id);
        fields.put("body", "First words, and more.");
        HttpResponse<String> saved = editor.post("/admin/articles/" + id + "/autosave", fields);
        assertThat(saved.statusCode()).isEqualTo(200);
        var json = new ObjectMapper().readTree(saved.body());
        assertThat(json.path("revision").asInt()).isEqualTo(2);
        assertThat(json.path("message").asText()).startsWith("Draft saved automatically");
        assertThat(editor.post("/admin/articles/" + id + "/autosave", fields).statusCode())
                .as("revision 1 is stale")
                .isEqualTo(409);
    }

    @Test
    void the_preview_renders_the_unsaved_text_with_the_public_article_template() {
        long id = write("Preview story", "Saved text.");
        Map<String, String> fields = form(id);
        fields.put("headline", "Unsaved headline");
        fields.put("body", "Unsaved **bold** text.");
        HttpResponse<String> preview = editor.post("/admin/preview", fields);
        assertThat(preview.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(preview.body());
        assertThat(page.select("article.article h1").text()).isEqualTo("Unsaved headline");
        assertThat(page.select(".article-body strong").text()).isEqualTo("bold");
        assertThat(page.select(".article-body .dateline").text()).isEqualTo("MOGADISHU – (WARSOOR) –");
        assertThat(site.wiring().articles().service().find(id).headline()).isEqualTo("Preview story");
    }

    @Test
    void translate_publish_and_flag_the_translation_outdated_when_the_source_changes() {
        long source = write("Rains return to Baidoa", "Farmers welcomed the rain.\n\nMarkets stayed calm.");
        assertThat(editor.post("/admin/articles/" + source + "/workflow", Map.of("step", "publish"))
                        .statusCode())
                .isEqualTo(303);

        Document list = editor.page("/admin/articles?q=baidoa");
        assertThat(list.select("tr[data-article]")).hasSize(1);
        assertThat(list.select("tr[data-language=en]").attr("data-status")).isEqualTo("published");
        assertThat(list.select("tr[data-language=en]").attr("data-translation")).isEqualTo("incomplete");
        assertThat(list.select("tr[data-language=en] td").text()).contains("missing: Somali");

        HttpResponse<String> started =
                translator.post("/admin/articles/" + source + "/translations", Map.of("language", "so"));
        assertThat(started.statusCode()).isEqualTo(303);
        long translation = Long.parseLong(
                started.headers().firstValue("Location").orElseThrow().replaceAll("\\D", ""));
        Document translating = translator.page("/admin/articles/" + translation);
        // The source beside an empty translation, paragraph by paragraph: nothing of the English is copied.
        assertThat(translating.select(".source-field .source-headline").text()).isEqualTo("Rains return to Baidoa");
        assertThat(translating.select("[data-rows] li").eachText())
                .containsExactly("Farmers welcomed the rain.", "Markets stayed calm.");
        assertThat(translating.selectFirst("textarea[name=body]").wholeText()).isEqualTo("<p></p><p></p>");
        assertThat(translating.select("[name=headline]").val()).isEmpty();

        Map<String, String> somali = new HashMap<>();
        translating
                .select(
                        "form[data-editor] input[name], form[data-editor] textarea[name], form[data-editor] select[name]")
                .forEach(e -> somali.put(
                        e.attr("name"),
                        e.tagName().equals("textarea")
                                ? e.wholeText()
                                : e.tagName().equals("select")
                                        ? e.select("option[selected]").attr("value")
                                        : e.attr("value")));
        somali.put("headline", "Roobab ayaa ku soo laabtay Baydhabo");
        somali.put("body", "Beeralayda ayaa soo dhaweeyay roobka.\n\nSuuqyadu way degganaayeen.");
        somali.put("slug", "roobab-baydhabo");
        assertThat(translator.post("/admin/articles/" + translation, somali).statusCode())
                .isEqualTo(303);
        assertThat(translator
                        .post("/admin/articles/" + translation + "/workflow", Map.of("step", "submit"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(editor.post("/admin/articles/" + translation + "/workflow", Map.of("step", "publish"))
                        .statusCode())
                .isEqualTo(303);

        assertThat(site.wiring().articles().service().find(source).isPublished())
                .as("publishing Somali keeps English live")
                .isTrue();
        Document english = site.html(publicPath(source));
        assertThat(english.select(".translation-notice a[hreflang=so]").attr("href"))
                .isEqualTo(publicPath(translation));
        Document somaliPage = site.html(publicPath(translation));
        assertThat(somaliPage.select("h1").text()).isEqualTo("Roobab ayaa ku soo laabtay Baydhabo");
        assertThat(somaliPage.select(".translation-notice a[hreflang=en]")).hasSize(1);

        Map<String, String> edit = form(source);
        edit.put("body", "Farmers welcomed the rain.\n\nMarkets stayed calm.\n\nThe river rose by a metre.");
        assertThat(editor.post("/admin/articles/" + source, edit).statusCode()).isEqualTo(303);

        list = editor.page("/admin/articles?q=baydhabo");
        assertThat(list.select("tr[data-language=so]").attr("data-translation")).isEqualTo("outdated");
        assertThat(editor.page("/admin/articles?translation=outdated&language=so")
                        .select("tr[data-article]"))
                .hasSize(1);
        Document outdated = translator.page("/admin/articles/" + translation);
        assertThat(outdated.select(".source-changes").text()).contains("places to carry over: 1");
        assertThat(outdated.select("[data-rows] li[data-state=added] .diff-words ins")
                        .text())
                .contains("The river rose by a metre.");
        assertThat(outdated.select("[data-rows] del")).isEmpty();
        assertThat(site.wiring().articles().service().find(translation).isPublished())
                .as("an outdated translation stays live")
                .isTrue();

        Map<String, String> caughtUp = new HashMap<>(somali);
        caughtUp.put("revision", outdated.selectFirst("input[name=revision]").attr("value"));
        caughtUp.put("body", somali.get("body") + "\n\nWabiga ayaa kor u kacay hal mitir.");
        caughtUp.put(
                "up_to_date", outdated.selectFirst("input[name=up_to_date]").attr("value"));
        HttpResponse<String> caughtUpSaved = translator.post("/admin/articles/" + translation, caughtUp);
        assertThat(caughtUpSaved.statusCode()).isEqualTo(303);
        // The translation is live: the translator's change waits for an editor (review before live).
        assertThat(caughtUpSaved.headers().firstValue("Location"))
                .hasValue("/admin/articles/" + translation + "/pending");
        assertThat(editor.page("/admin/articles?q=baydhabo")
                        .select("tr[data-language=so]")
                        .attr("data-translation"))
                .isEqualTo("outdated");
        long change = site.wiring()
                .articles()
                .revisions()
                .pending(translation)
                .orElseThrow()
                .id();
        assertThat(editor.post("/admin/articles/" + translation + "/pending/" + change + "/approve", Map.of())
                        .statusCode())
                .isEqualTo(303);
        assertThat(editor.page("/admin/articles?q=baydhabo")
                        .select("tr[data-language=so]")
                        .attr("data-translation"))
                .isEqualTo("current");
        assertThat(site.html(publicPath(translation)).text()).contains("Wabiga ayaa kor u kacay hal mitir.");
    }

    @Test
    void an_editor_pins_an_older_article_to_the_top_of_the_cached_home_page_and_unpins_it() {
        long fresh = write("A fresh story for the front page", "Text.");
        assertThat(editor.post("/admin/articles/" + fresh + "/workflow", Map.of("step", "publish"))
                        .statusCode())
                .isEqualTo(303);
        site.get("/en/");
        HttpResponse<String> cached = site.get("/en/");
        assertThat(cached.headers().firstValue("X-Cache")).hasValue("HIT");
        List<String> before = Jsoup.parse(cached.body()).select(".teaser h2 a").eachAttr("href");
        String olderPath = before.get(before.size() - 1);
        Article older = site.wiring()
                .articles()
                .service()
                .findPublished("en", olderPath.substring(olderPath.lastIndexOf('/') + 1))
                .orElseThrow();
        assertThat(older.id()).isNotEqualTo(fresh);
        assertThat(older.pinned()).isFalse();

        Document page = editor.page("/admin/articles/" + older.id());
        assertThat(page.select("input[type=checkbox][name=pinned]"))
                .as("editors are offered the box")
                .hasSize(1);
        assertThat(page.select("input[name=pinned]").hasAttr("checked")).isFalse();
        Map<String, String> fields = form(older.id());
        fields.put("pinned", "1");
        Map<String, String> forged = new HashMap<>(fields);
        forged.remove("csrf");
        assertThat(editor.postRaw("/admin/articles/" + older.id(), forged).statusCode())
                .as("no CSRF token")
                .isEqualTo(403);
        assertThat(site.wiring().articles().service().find(older.id()).pinned()).isFalse();

        assertThat(editor.post("/admin/articles/" + older.id(), fields).statusCode())
                .isEqualTo(303);
        assertThat(site.wiring().articles().service().find(older.id()).pinned()).isTrue();
        HttpResponse<String> purged = site.get("/en/");
        assertThat(purged.headers().firstValue("X-Cache"))
                .as("the cached home page was purged")
                .hasValue("MISS");
        List<String> pinnedFirst =
                Jsoup.parse(purged.body()).select(".teaser h2 a").eachAttr("href");
        assertThat(pinnedFirst.get(0)).isEqualTo(olderPath);
        assertThat(pinnedFirst.subList(1, pinnedFirst.size()))
                .as("then the rest, newest first, as before")
                .containsExactlyElementsOf(before.subList(0, before.size() - 1));
        assertThat(editor.page("/admin/articles/" + older.id())
                        .select("input[name=pinned]")
                        .hasAttr("checked"))
                .isTrue();

        // The unticked box is simply not posted: the save unpins.
        assertThat(editor.post("/admin/articles/" + older.id(), form(older.id()))
                        .statusCode())
                .isEqualTo(303);
        assertThat(site.wiring().articles().service().find(older.id()).pinned()).isFalse();
        assertThat(Jsoup.parse(site.get("/en/").body()).select(".teaser h2 a").eachAttr("href"))
                .containsExactlyElementsOf(before);
        int audited = site.wiring()
                .platform()
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT COUNT(*) FROM audit_log WHERE action IN ('article.pin', 'article.unpin') AND target = :t")
                        .bind("t", "article:" + older.id())
                        .mapTo(Integer.class)
                        .one());
        assertThat(audited).isEqualTo(2);
    }

    @Test
    void an_author_cannot_pin_an_article() {
        site.wiring()
                .accounts()
                .accounts()
                .create("author@example.org", "Aweys", Role.AUTHOR, Set.of(), PASSWORD, Actor.TERMINAL);
        StaffClient author = StaffClient.signIn(site, "author@example.org", PASSWORD);
        Map<String, String> fields =
                new HashMap<>(Map.of("language", "en", "headline", "An author's own story", "body", "Text."));
        fields.put("pinned", "1");
        int articles = site.wiring().articles().service().count();
        assertThat(author.post("/admin/articles", fields).statusCode())
                .as("creating pinned")
                .isEqualTo(403);
        assertThat(site.wiring().articles().service().count()).isEqualTo(articles);
        fields.remove("pinned");
        HttpResponse<String> created = author.post("/admin/articles", fields);
        assertThat(created.statusCode()).isEqualTo(303);
        long id = Long.parseLong(
                created.headers().firstValue("Location").orElseThrow().replaceAll("^/admin/articles/(\\d+).*$", "$1"));
        Document page = author.page("/admin/articles/" + id);
        assertThat(page.select("input[name=pinned]"))
                .as("authors are not offered the box")
                .isEmpty();

        Map<String, String> save = new HashMap<>();
        page.select("form[data-editor] input[name], form[data-editor] textarea[name]")
                .forEach(e ->
                        save.put(e.attr("name"), e.tagName().equals("textarea") ? e.wholeText() : e.attr("value")));
        save.put("body", "Text, edited.");
        save.put("pinned", "1");
        assertThat(author.post("/admin/articles/" + id, save).statusCode()).isEqualTo(403);
        assertThat(author.post("/admin/articles/" + id + "/autosave", save).statusCode())
                .isEqualTo(403);
        Article unchanged = site.wiring().articles().service().find(id);
        assertThat(unchanged.pinned()).isFalse();
        assertThat(unchanged.body()).as("nothing of a refused save is kept").isEqualTo("Text.");

        // An editor pins it; the author's own later saves (without the box) leave the layout's choice alone.
        site.wiring().articles().service().pin(id, true, Actor.TERMINAL);
        save.remove("pinned");
        assertThat(author.post("/admin/articles/" + id, save).statusCode()).isEqualTo(303);
        assertThat(site.wiring().articles().service().find(id).pinned()).isTrue();
        assertThat(site.wiring().articles().service().find(id).body()).isEqualTo("Text, edited.");
    }

    @Test
    void the_list_filters_by_language_status_section_and_headline() {
        long draft = write("Filter target zebra", "Body.");
        assertThat(editor.page("/admin/articles?q=ZEBRA")
                        .select("tr[data-article] td.headline a:first-child")
                        .text())
                .isEqualTo("Filter target zebra");
        assertThat(editor.page("/admin/articles?q=zebra&status=published").select("tr[data-article]"))
                .isEmpty();
        assertThat(editor.page("/admin/articles?q=zebra&status=draft&section=world&author=newsroom&language=en")
                        .select("tr[data-article]"))
                .hasSize(1);
        assertThat(editor.page("/admin/articles?q=zebra&language=so").select("tr[data-article]"))
                .isEmpty();
        assertThat(editor.page("/admin/articles?q=%25").select("tr[data-article]"))
                .as("% is a character, not a wildcard")
                .isEmpty();
        assertThat(editor.get("/admin/articles?status=nonsense&language=xx").statusCode())
                .isEqualTo(200);
        assertThat(draft).isPositive();
    }

    @Test
    void a_scheduled_article_goes_live_once_when_its_time_comes_even_with_two_nodes() throws Exception {
        long id = write("Budget vote at noon", "The vote is due.");
        assertThat(editor.post(
                                "/admin/articles/" + id + "/workflow",
                                Map.of("step", "schedule", "at", "2026-11-25T11:00"))
                        .statusCode())
                .as("a time in the past is refused")
                .isEqualTo(400);
        // 15:00 in Mogadishu (UTC+3) is 12:00 UTC, two hours after the test clock's now.
        assertThat(editor.post(
                                "/admin/articles/" + id + "/workflow",
                                Map.of("step", "schedule", "at", "2026-11-25T15:00"))
                        .statusCode())
                .isEqualTo(303);
        Article scheduled = site.wiring().articles().service().find(id);
        assertThat(scheduled.status()).isEqualTo(ArticleStatus.SCHEDULED);
        assertThat(scheduled.scheduledAt()).isEqualTo(Instant.parse("2026-11-25T12:00:00Z"));
        assertThat(site.wiring().articles().workflow().publishDue())
                .as("not yet due")
                .isEmpty();

        List<Long> announced = Collections.synchronizedList(new ArrayList<>());
        List<ArticleWorkflow> nodes = new ArrayList<>();
        List<Platform> programs = new ArrayList<>();
        Clock later = Clock.fixed(Instant.parse("2026-11-25T12:00:30Z"), ZoneOffset.UTC);
        for (int node = 0; node < 4; node++) {
            // Four programs on the one database, each with the scheduler's view of the time.
            Platform program = Platform.open(site.configOfAnotherProgram(), later);
            programs.add(program);
            program.events().subscribe(ArticlePublished.class, e -> announced.add(e.articleId()));
            nodes.add(
                    new ArticleModule(program, new MediaModule(program), new org.wargeys.account.AccountModule(program))
                            .workflow());
        }

        List<CompletableFuture<List<Article>>> runs = nodes.stream()
                .map(n -> CompletableFuture.supplyAsync(n::publishDue))
                .toList();
        int published = 0;
        for (var run : runs)
            published += (int) run.get().stream().filter(a -> a.id() == id).count();
        assertThat(published).isEqualTo(1);
        assertThat(announced).containsExactly(id);
        Article live = site.wiring().articles().service().find(id);
        assertThat(live.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(live.publishedAt()).isEqualTo(Instant.parse("2026-11-25T12:00:00Z"));
        assertThat(nodes.get(0).publishDue()).as("already published").isEmpty();
        programs.forEach(Platform::close);
    }

    @Test
    void revisions_can_be_compared_and_restored() {
        long id = write("Revised story", "Line one.\nLine two.");
        Map<String, String> fields = form(id);
        fields.put("body", "Line one.\nLine two changed.");
        assertThat(editor.post("/admin/articles/" + id, fields).statusCode()).isEqualTo(303);
        Document revisions = editor.page("/admin/articles/" + id + "/revisions?from=1&to=2");
        assertThat(revisions.select("tbody tr")).hasSize(2);
        // Word by word: only the added word is marked.
        assertThat(revisions.select("#revision-diff del")).isEmpty();
        assertThat(revisions.select("#revision-diff ins").text()).isEqualTo("changed");
        assertThat(editor.post("/admin/articles/" + id + "/revisions/1/restore", Map.of("revision", "2"))
                        .statusCode())
                .isEqualTo(303);
        Article restored = site.wiring().articles().service().find(id);
        assertThat(restored.body()).isEqualTo("Line one.\nLine two.");
        assertThat(restored.revision()).isEqualTo(3);
        assertThat(editor.post("/admin/articles/" + id + "/revisions/1/restore", Map.of("revision", "2"))
                        .statusCode())
                .as("restoring from a stale revision")
                .isEqualTo(409);
    }

    @Test
    void a_correction_is_dated_shown_at_the_end_of_the_article_and_moves_its_modified_date() {
        long id = write("Election count", "The count took two days.");
        assertThat(editor.post("/admin/articles/" + id + "/workflow", Map.of("step", "publish"))
                        .statusCode())
                .isEqualTo(303);
        Instant before = site.wiring().articles().service().find(id).updatedAt();
        assertThat(translator
                        .post("/admin/articles/" + id + "/corrections", Map.of("note", "x"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(editor.post("/admin/articles/" + id + "/corrections", Map.of("note", ""))
                        .statusCode())
                .isEqualTo(400);
        assertThat(editor.post(
                                "/admin/articles/" + id + "/corrections",
                                Map.of("note", "An earlier version said the count took three days."))
                        .statusCode())
                .isEqualTo(303);
        Document page = site.html(publicPath(id));
        assertThat(page.select(".corrections .correction").text())
                .contains("An earlier version said the count took three days.");
        assertThat(page.select(".corrections time").attr("datetime")).isEqualTo(TestSite.NOW.toString());
        assertThat(site.wiring().articles().service().find(id).updatedAt()).isAfterOrEqualTo(before);
    }

    @Test
    void the_editor_of_a_published_article_charts_its_shares_of_the_last_thirty_days() {
        long id = write("Shared story", "Everyone shares this.");
        assertThat(Jsoup.parse(editor.get("/admin/articles/" + id).body()).select(".share-chart"))
                .isEmpty();
        assertThat(editor.post("/admin/articles/" + id + "/workflow", Map.of("step", "publish"))
                        .statusCode())
                .isEqualTo(303);
        var counts = site.wiring().sharing().counts();

        counts.record(id, "whatsapp");
        counts.record(id, "whatsapp");
        counts.record(id, "x");
        HttpResponse<String> response = editor.get("/admin/articles/" + id);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select(".share-chart svg rect")).hasSize(30);
        assertThat(page.select(".share-chart p").text()).isEqualTo("3 shares in all; 3 in the last 30 days.");
        var last = page.select(".share-chart svg rect").last();
        assertThat(last.attr("height")).isEqualTo("100");
        assertThat(last.select("title").text()).isEqualTo("2026-11-25: 3 shares");
        assertThat(page.select(".share-chart svg rect").first().attr("height")).isEqualTo("0");
    }

    @Test
    void newsroom_pages_answer_in_english_somali_and_arabic() {
        long id = write("Valid page", "Body.");
        for (String path : List.of(
                "/admin/articles",
                "/admin/articles/new",
                "/admin/articles/" + id,
                "/admin/articles/" + id + "/revisions",
                "/admin/users")) {
            HttpResponse<String> english = editor.get(path);
            assertThat(english.statusCode()).as(path).isIn(200, 403);
            HttpResponse<String> somali = editor.get(path, Map.of("Accept-Language", "so"));
            Document doc = Jsoup.parse(somali.body());
            if (somali.statusCode() == 200) {
                assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("so");
                assertThat(somali.body()).doesNotContain("[newsroom.");
            }
        }
        Document arabic = Jsoup.parse(
                editor.get("/admin/articles", Map.of("Accept-Language", "ar")).body());
        assertThat(arabic.selectFirst("html").attr("dir")).isEqualTo("rtl");
    }

    @Test
    void staff_choose_the_newsroom_language_whatever_their_browser_says() {
        StaffClient somali = StaffClient.signIn(site, "translator@example.org", PASSWORD);
        HttpResponse<String> chosen = somali.post("/admin/language", Map.of("ui", "so", "next", "/admin/articles"));
        assertThat(chosen.statusCode()).isEqualTo(303);
        String cookie = StaffClient.setCookies(chosen).stream()
                .filter(c -> c.startsWith("wargeys_ui=so"))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("Path=/admin", "HttpOnly", "SameSite=Lax");
        Document page = Jsoup.parse(somali.get(
                        "/admin/articles",
                        Map.of(
                                "Cookie",
                                "wargeys_session=" + somali.sessionCookie() + "; wargeys_ui=so",
                                "Accept-Language",
                                "en"))
                .body());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("so");
        assertThat(page.select("h1").text()).isEqualTo("Maqaallada");
        assertThat(somali.postRaw("/admin/language", Map.of("ui", "so")).statusCode())
                .as("without the CSRF token")
                .isEqualTo(403);
        HttpResponse<String> signInLink = site.get("/admin/login?ui=ar");
        assertThat(signInLink.statusCode()).isEqualTo(303);
        assertThat(StaffClient.cookie(signInLink, "wargeys_ui")).hasValue("ar");
        assertThat(Jsoup.parse(site.get("/admin/login", Map.of("Cookie", "wargeys_ui=ar"))
                                .body())
                        .selectFirst("html")
                        .attr("dir"))
                .isEqualTo("rtl");
    }

    @Test
    void bad_input_is_a_clear_4xx_never_a_500() {
        assertThat(editor.get("/admin/articles/999999").statusCode()).isEqualTo(404);
        assertThat(editor.get("/admin/articles/abc").statusCode()).isEqualTo(404);
        assertThat(editor.post("/admin/articles", Map.of("language", "xx", "headline", ""))
                        .statusCode())
                .isEqualTo(400);
        long id = write("Bad steps", "Body.");
        assertThat(editor.post("/admin/articles/" + id + "/workflow", Map.of("step", "explode"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(editor.post("/admin/articles/" + id + "/workflow", Map.of("step", "unpublish"))
                        .statusCode())
                .as("a step the article has moved past: a stale page, answered as a conflict")
                .isEqualTo(409);
        assertThat(editor.post("/admin/articles/" + id + "/workflow", Map.of("step", "schedule", "at", "tomorrow"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(editor.post("/admin/articles/" + id + "/translations", Map.of("language", "fr"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(editor.get("/admin/articles/" + id + "/revisions?from=1&to=99")
                        .statusCode())
                .isEqualTo(404);
        Map<String, String> fields = form(id);
        fields.put("section", "no-such-section");
        HttpResponse<String> invalid = editor.post("/admin/articles/" + id, fields);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(invalid.body()).select(".field-error").text()).contains("There is no section");
        assertThat(site.wiring().articles().service().find(id).revision())
                .as("nothing half-written")
                .isEqualTo(1);
    }

    @Test
    void an_uploaded_image_is_served_safely_and_featured_with_srcset_alt_and_credit() throws Exception {
        java.awt.image.BufferedImage picture =
                new java.awt.image.BufferedImage(1200, 800, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var jpeg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(picture, "jpeg", jpeg);
        HttpResponse<String> uploaded = editor.postFile(
                "/admin/media",
                Map.of(
                        "credit",
                        "Photo: Warsoor",
                        "alt_en",
                        "Fishing boats at Berbera",
                        "alt_so",
                        "Doonyaha kalluumaysiga ee Berbera",
                        "caption_so",
                        "Berbera"),
                "boats.jpg",
                "image/jpeg",
                jpeg.toByteArray());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(303);
        long image = Long.parseLong(
                uploaded.headers().firstValue("Location").orElseThrow().replaceAll("\\D", ""));

        HttpResponse<byte[]> file = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        "http://127.0.0.1:" + site.port() + "/media/" + image + "-640.jpg"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(file.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(file.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(site.get("/media/" + image + "-641.jpg").statusCode()).isEqualTo(404);
        assertThat(site.get("/media/..%2Fwargeys.db").statusCode()).isEqualTo(400);

        long id = write("Fishing season opens", "Boats left at dawn.");
        Map<String, String> fields = form(id);
        fields.put("featured_image", String.valueOf(image));
        HttpResponse<String> featured = editor.post("/admin/articles/" + id, fields);
        assertThat(featured.statusCode()).as(featured.body()).isEqualTo(303);
        assertThat(editor.post("/admin/articles/" + id + "/workflow", Map.of("step", "publish"))
                        .statusCode())
                .isEqualTo(303);
        Document page = site.html(publicPath(id));
        var img = page.selectFirst("figure.featured-image img");
        assertThat(img.attr("alt")).isEqualTo("Fishing boats at Berbera");
        assertThat(img.attr("srcset"))
                .contains("/media/" + image + "-320.jpg 320w", "/media/" + image + "-1024.jpg 1024w");
        assertThat(img.attr("src")).isEqualTo("/media/" + image + "-1200.jpg");
        assertThat(page.select("figure.featured-image .credit").text()).isEqualTo("Photo: Warsoor");

        // An editor adds the Arabic text (what translators may describe: MediaPermissionsIT).
        assertThat(editor.post(
                                "/admin/media/" + image,
                                Map.of(
                                        "credit",
                                        "Photo: Warsoor",
                                        "alt_ar",
                                        "قوارب صيد في بربرة",
                                        "caption_ar",
                                        "بربرة"))
                        .statusCode())
                .isEqualTo(303);
        var described = site.wiring().media().service().find(image).orElseThrow();
        assertThat(described.text("ar").alt()).isEqualTo("قوارب صيد في بربرة");
        assertThat(described.text("en").alt()).as("other languages kept").isEqualTo("Fishing boats at Berbera");
        assertThat(editor.post("/admin/media/" + image, Map.of("alt_en", "", "alt_so", "", "alt_ar", ""))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void a_photo_of_several_megabytes_is_accepted_and_one_over_ten_megabytes_is_refused_clearly() throws Exception {
        java.util.Random noise = new java.util.Random(4);
        java.awt.image.BufferedImage picture =
                new java.awt.image.BufferedImage(1100, 1000, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 1000; y++) for (int x = 0; x < 1100; x++) picture.setRGB(x, y, noise.nextInt());
        var png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(picture, "png", png);
        assertThat(png.size()).isGreaterThan(3_000_000);
        assertThat(editor.postFile(
                                "/admin/media", Map.of("alt_en", "Noise"), "noise.png", "image/png", png.toByteArray())
                        .statusCode())
                .isEqualTo(303);
        List<Long> before = site.wiring().media().service().recent(1000).stream()
                .map(org.wargeys.media.Image::id)
                .toList();
        byte[] huge = java.util.Arrays.copyOf(png.toByteArray(), 11 * 1024 * 1024);
        HttpResponse<String> refused =
                editor.postFile("/admin/media", Map.of("alt_en", "Huge"), "huge.png", "image/png", huge);
        assertThat(refused.statusCode())
                .as("refused by its declared length, its bytes dropped unkept")
                .isEqualTo(413);
        assertThat(Jsoup.parse(refused.body()).select(".field-error").text()).contains("larger than 10 MB");
        assertThat(refused.body()).doesNotContain("Exception");

        // Without a declared length (chunked), Jetty stops reading at the multipart limit.
        String boundary = "----wargeys-chunked";
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + editor.csrf()
                        + "\r\n--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.png\"\r\nContent-Type: image/png\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(huge);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] bytes = body.toByteArray();
        // Sent by a client of its own: the server closes the connection after this 413 without a
        // "Connection: close", and the site's shared client would hand that dead connection to the
        // next request ("HTTP/1.1 header parser received no bytes" in whichever test runs next).
        HttpResponse<String> chunked = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(site.baseUrl() + "/admin/media"))
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .header("Cookie", "wargeys_session=" + editor.sessionCookie())
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                        () -> new java.io.ByteArrayInputStream(bytes)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(Jsoup.parse(chunked.body()).select(".field-error").text()).contains("larger than 10 MB");
        assertThat(site.wiring().media().service().recent(1000).stream()
                        .map(org.wargeys.media.Image::id)
                        .toList())
                .as("nothing stored")
                .isEqualTo(before);
    }

    @Test
    void an_upload_with_a_forged_type_is_refused() {
        byte[] script = "<script>alert(document.cookie)</script>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> forged = editor.postFile(
                "/admin/media", Map.of("alt_en", "Looks like a photo"), "photo.jpg", "image/jpeg", script);
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(forged.body()).select(".field-error").text()).contains("not a JPEG, PNG or WebP image");
        assertThat(editor.postFile("/admin/media", Map.of("alt_en", "x"), "photo.png", "image/png", new byte[] {
                            (byte) 0x89, 'P', 'N', 'G'
                        })
                        .statusCode())
                .isEqualTo(400);
        assertThat(StaffClient.anonymous(site)
                        .postFile("/admin/media", Map.of(), "a.jpg", "image/jpeg", new byte[10])
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void only_administrators_manage_users_and_every_action_is_in_the_audit_log() {
        site.wiring()
                .accounts()
                .accounts()
                .create("admin@example.org", "Ada", Role.ADMINISTRATOR, Set.of(), PASSWORD, Actor.TERMINAL);
        StaffClient admin = StaffClient.signIn(site, "admin@example.org", PASSWORD);
        assertThat(editor.get("/admin/users").statusCode()).isEqualTo(403);
        assertThat(editor.post("/admin/users", Map.of("email", "x@example.org", "role", "editor"))
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> added =
                admin.post("/admin/users", Map.of("email", "new@example.org", "role", "translator", "languages", "so"));
        assertThat(added.statusCode()).isEqualTo(201);
        String oneTime = Jsoup.parse(added.body()).select(".one-time-password").text();
        assertThat(site.wiring()
                        .accounts()
                        .accounts()
                        .findByEmail("new@example.org")
                        .orElseThrow()
                        .languages())
                .containsExactly("so");
        Document users = admin.page("/admin/users");
        assertThat(users.select("tr[data-user=new@example.org]")).hasSize(1);
        String audit = admin.page("/admin/audit").select(".audit-lines").text();
        assertThat(audit).contains("Ada added new@example.org as Translator (Somali)", "Ada signed in");
        HttpResponse<String> first = StaffClient.anonymous(site).attemptSignIn("new@example.org", oneTime);
        assertThat(first.headers().firstValue("Location"))
                .as("a password an administrator chose serves once")
                .hasValue("/admin/password");
    }

    @Test
    void editors_name_sections_and_tags_in_each_language() {
        HttpResponse<String> defined = editor.post(
                "/admin/taxonomy",
                Map.of(
                        "kind",
                        "section",
                        "key",
                        "health",
                        "name_en",
                        "Health",
                        "name_so",
                        "Caafimaad",
                        "name_ar",
                        "صحة"));
        assertThat(defined.statusCode()).isEqualTo(303);
        Document list = editor.page("/admin/taxonomy");
        assertThat(list.select("table[data-kind=section] tr[data-key=health] td")
                        .eachText())
                .containsExactly("health", "Health", "Caafimaad", "صحة");
        Document somaliEditor = Jsoup.parse(editor.get("/admin/articles/new", Map.of("Accept-Language", "so"))
                .body());
        assertThat(somaliEditor.select("#section option[value=health]").text()).isEqualTo("Caafimaad");
        assertThat(editor.post("/admin/taxonomy", Map.of("kind", "planet", "key", "x", "name_en", "X"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(editor.post("/admin/taxonomy", Map.of("kind", "tag", "key", "Bad Key", "name_en", "X"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(translator
                        .post("/admin/taxonomy", Map.of("kind", "tag", "key", "x", "name_en", "X"))
                        .statusCode())
                .isEqualTo(403);
    }
}
