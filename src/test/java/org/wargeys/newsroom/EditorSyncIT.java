package org.wargeys.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.wargeys.account.Role;
import org.wargeys.account.User;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleStatus;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.StaffClient;
import org.wargeys.testsupport.TestSite;

/**
 * What the editor's script asks of the server, over real HTTP on each database: a draft from the first
 * keystroke, autosaves that merge into one revision, unsaved copies of live articles, conflicts named
 * "you, in another tab", presence and taking over, tags and bylines as each role may add them, and the
 * translation workspace from its empty start to a source change carried over.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditorSyncIT {

    static final String PASSWORD = "correct horse battery";
    static final Map<String, String> JSON_ACCEPT = Map.of("Accept", "application/json");
    static final ObjectMapper JSON = new ObjectMapper();

    @Parameter
    DatabaseKind database;

    TestSite site;
    StaffClient editor;
    StaffClient author;
    StaffClient translator;
    User authorUser;

    @BeforeParameterizedClassInvocation
    void start() {
        site = TestSite.start(database);
        var accounts = site.wiring().accounts().accounts();
        accounts.create("sync-editor@example.org", "Sagal Editor", Role.EDITOR, Set.of(), PASSWORD, Actor.TERMINAL);
        authorUser = accounts.create(
                "sync-author@example.org", "Asha Author", Role.AUTHOR, Set.of(), PASSWORD, Actor.TERMINAL);
        accounts.create(
                "sync-translator@example.org",
                "Tahlil Translator",
                Role.TRANSLATOR,
                Set.of("so"),
                PASSWORD,
                Actor.TERMINAL);
        editor = StaffClient.signIn(site, "sync-editor@example.org", PASSWORD);
        author = StaffClient.signIn(site, "sync-author@example.org", PASSWORD);
        translator = StaffClient.signIn(site, "sync-translator@example.org", PASSWORD);
    }

    @AfterParameterizedClassInvocation
    void stop() {
        if (site != null) site.deleteData();
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("Not JSON (" + response.statusCode() + "): " + response.body());
        }
    }

    private long createDraft(StaffClient who, Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(Map.of("language", "en", "body_format", "html"));
        form.putAll(fields);
        HttpResponse<String> created = who.post("/admin/articles", form, JSON_ACCEPT);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asLong();
    }

    private Article article(long id) {
        return site.wiring().articles().service().find(id);
    }

    @Test
    void a_draft_exists_from_the_first_keystroke_untitled_and_its_autosaves_make_one_revision() {
        long id = createDraft(author, Map.of("body", "<p>W</p>"));
        Article untitled = article(id);
        assertThat(untitled.headline()).isEmpty();
        assertThat(untitled.slug()).startsWith("draft-");

        for (String body : new String[] {"<p>Water</p>", "<p>Water points</p>", "<p>Water points dried up.</p>"}) {
            HttpResponse<String> saved = author.post(
                    "/admin/articles/" + id + "/autosave",
                    Map.of(
                            "body",
                            body,
                            "body_format",
                            "html",
                            "headline",
                            "Wells run dry",
                            "revision",
                            String.valueOf(article(id).revision())),
                    JSON_ACCEPT);
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            assertThat(json(saved).get("time").asText()).isEqualTo("13:00");
        }
        Article saved = article(id);
        assertThat(saved.revision()).isEqualTo(4);
        assertThat(saved.slug()).isEqualTo("wells-run-dry");
        assertThat(saved.bodyFormat().code()).isEqualTo("html");
        // The first save and one revision for the run of autosaves, renumbered as the latest.
        assertThat(site.wiring().articles().service().revisions(id)).containsExactlyInAnyOrder(1, 4);

        // An untitled draft may be kept, but not sent for review.
        long untitledId = createDraft(author, Map.of("body", "<p>Notes</p>"));
        HttpResponse<String> refused =
                author.post("/admin/articles/" + untitledId + "/workflow", Map.of("step", "submit"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).text()).contains("A headline is required.");
        assertThat(article(untitledId).status()).isEqualTo(ArticleStatus.DRAFT);
    }

    @Test
    void an_autosave_of_a_live_article_is_kept_aside_until_the_writer_presses_update() {
        long id = createDraft(editor, Map.of("headline", "Live and unchanged", "body", "<p>Body.</p>"));
        editor.post("/admin/articles/" + id + "/workflow", Map.of("step", "publish"));
        int revision = article(id).revision();

        HttpResponse<String> kept = editor.post(
                "/admin/articles/" + id + "/autosave",
                Map.of(
                        "headline",
                        "Live and changed",
                        "body",
                        "<p>Body.</p>",
                        "body_format",
                        "html",
                        "revision",
                        String.valueOf(revision)),
                JSON_ACCEPT);
        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
        assertThat(json(kept).get("pending").asBoolean()).isTrue();
        assertThat(article(id).headline()).isEqualTo("Live and unchanged");

        // Back in the editor later: the changes are there, with a word that they are not live.
        var page = editor.page("/admin/articles/" + id);
        assertThat(page.select("textarea[name=headline]").text()).isEqualTo("Live and changed");
        assertThat(page.select("[data-pending-change]").text()).contains("not live until you press Update");

        HttpResponse<String> updated = editor.post(
                "/admin/articles/" + id + "/autosave",
                Map.of(
                        "headline",
                        "Live and changed",
                        "body",
                        "<p>Body.</p>",
                        "body_format",
                        "html",
                        "revision",
                        String.valueOf(revision),
                        "mode",
                        "save"),
                JSON_ACCEPT);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(article(id).headline()).isEqualTo("Live and changed");
        assertThat(editor.page("/admin/articles/" + id)
                        .select("[data-pending-change]")
                        .text())
                .isEmpty();
    }

    @Test
    void a_conflicting_save_is_refused_and_both_versions_line_up_saying_it_was_you_in_another_tab() {
        long id =
                createDraft(editor, Map.of("headline", "Two tabs", "body", "<p>Intro.</p><p>Herders move north.</p>"));
        int start = article(id).revision();
        Map<String, String> tabA = Map.of(
                "headline",
                "Two tabs",
                "body",
                "<p>Intro.</p><p>Herders move south.</p>",
                "body_format",
                "html",
                "revision",
                String.valueOf(start));
        assertThat(editor.post("/admin/articles/" + id + "/autosave", tabA, JSON_ACCEPT)
                        .statusCode())
                .isEqualTo(200);

        Map<String, String> tabB = new HashMap<>(tabA);
        tabB.put("body", "<p>Intro.</p><p>Herders move north with camels.</p><p>Aid agencies warn.</p>");
        HttpResponse<String> refused = editor.post("/admin/articles/" + id + "/autosave", tabB, JSON_ACCEPT);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).get("by").asText()).isEqualTo("you, in another tab");
        assertThat(article(id).body()).contains("south");

        JsonNode conflict = json(editor.post("/admin/articles/" + id + "/conflict", tabB, JSON_ACCEPT));
        assertThat(conflict.get("byYou").asBoolean()).isTrue();
        assertThat(conflict.get("revision").asInt()).isEqualTo(article(id).revision());
        JsonNode rows = conflict.get("rows");
        assertThat(rows.get(0).get("state").asText()).isEqualTo("same");
        assertThat(rows.get(1).get("state").asText()).isEqualTo("changed");
        assertThat(rows.get(1).get("diff").asText())
                .isEqualTo("Herders move <del>south</del><ins>north with camels</ins>.");
        assertThat(rows.get(2).get("state").asText()).isEqualTo("mine");

        // Someone else's save is named by them.
        Map<String, String> stale = new HashMap<>(tabA);
        stale.put("revision", String.valueOf(start));
        HttpResponse<String> another = StaffClient.signIn(site, "sync-author@example.org", PASSWORD)
                .post("/admin/articles/" + id + "/autosave", stale, JSON_ACCEPT);
        assertThat(another.statusCode())
                .as("an author may not edit an editor's article")
                .isEqualTo(403);
    }

    @Test
    void one_tab_holds_an_article_another_sees_who_and_since_when_and_may_take_over() {
        long id = createDraft(editor, Map.of("headline", "Presence", "body", "<p>x</p>"));
        JsonNode first =
                json(editor.post("/admin/articles/" + id + "/presence", Map.of("tab", "tab-aaaaaaaa"), JSON_ACCEPT));
        assertThat(first.get("holding").asBoolean()).isTrue();

        JsonNode second =
                json(editor.post("/admin/articles/" + id + "/presence", Map.of("tab", "tab-bbbbbbbb"), JSON_ACCEPT));
        assertThat(second.get("holding").asBoolean()).isFalse();
        assertThat(second.get("holder").get("name").asText()).isEqualTo("you, in another tab");
        assertThat(second.get("holder").get("since").asText()).isEqualTo("13:00");

        JsonNode taken = json(editor.post(
                "/admin/articles/" + id + "/presence",
                Map.of("tab", "tab-bbbbbbbb", "action", "take-over"),
                JSON_ACCEPT));
        assertThat(taken.get("holding").asBoolean()).isTrue();
        JsonNode back =
                json(editor.post("/admin/articles/" + id + "/presence", Map.of("tab", "tab-aaaaaaaa"), JSON_ACCEPT));
        assertThat(back.get("holding").asBoolean()).isFalse();
        assertThat(site.wiring().platform().audit().recent(5))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("article.take_over"));
    }

    @Test
    void editors_create_tags_by_name_authors_propose_them_and_translators_use_those_that_exist() {
        long byEditor = createDraft(
                editor, Map.of("headline", "Tags by an editor", "body", "<p>x</p>", "tags", "iran, Drought in Gedo"));
        assertThat(site.wiring().articles().service().details(article(byEditor)).tags())
                .extracting(t -> t.name())
                .containsExactly("Iran", "Drought in Gedo");
        assertThat(json(editor.get("/admin/terms?kind=tag&language=en&q=drou", JSON_ACCEPT))
                        .get("terms")
                        .get(0)
                        .get("name")
                        .asText())
                .isEqualTo("Drought in Gedo");

        long byAuthor = createDraft(
                author,
                Map.of("headline", "Tags by an author", "body", "<p>x</p>", "tags", "Iran, Floods in Beledweyne"));
        assertThat(site.wiring().articles().service().details(article(byAuthor)).tags())
                .extracting(t -> t.key())
                .containsExactly("iran");
        assertThat(site.wiring().articles().taxonomy().proposals(byAuthor)).containsExactly("Floods in Beledweyne");
        assertThat(author.page("/admin/articles/" + byAuthor).select("#tags").val())
                .contains("Floods in Beledweyne");

        HttpResponse<String> accepted = editor.post(
                "/admin/taxonomy/proposals",
                Map.of("language", "en", "name", "Floods in Beledweyne", "answer", "accept"));
        assertThat(accepted.statusCode()).isEqualTo(303);
        assertThat(site.wiring().articles().service().details(article(byAuthor)).tags())
                .extracting(t -> t.name())
                .containsExactly("Iran", "Floods in Beledweyne");
        assertThat(site.wiring().articles().taxonomy().proposals(byAuthor)).isEmpty();
    }

    @Test
    void a_staff_members_byline_is_made_the_first_time_and_guests_get_one_by_name() {
        var newForm = author.page("/admin/articles/new");
        assertThat(newForm.select("#authors").val()).isEqualTo("user:" + authorUser.id());
        long id = createDraft(
                author,
                Map.of(
                        "headline",
                        "Bylines",
                        "body",
                        "<p>x</p>",
                        "authors",
                        "user:" + authorUser.id() + ", Guled Guest"));
        var authors = site.wiring().articles().service().details(article(id)).authors();
        assertThat(authors).extracting(a -> a.name()).containsExactly("Asha Author", "Guled Guest");
        assertThat(site.wiring().articles().taxonomy().staffBylines())
                .containsEntry(authorUser.id(), authors.get(0).key());
        assertThat(author.page("/admin/articles/new").select("#authors").val())
                .isEqualTo(authors.get(0).key());
        assertThat(json(author.get("/admin/terms?kind=author&language=en&q=guled", JSON_ACCEPT))
                        .get("terms")
                        .get(0)
                        .get("note")
                        .asText())
                .isEqualTo("guest");
    }

    @Test
    void a_translation_starts_empty_block_by_block_and_carries_source_changes_over_row_by_row() throws Exception {
        byte[] png = org.wargeys.testsupport.TestFiles.png(1600, 900);
        HttpResponse<String> uploaded = editor.postFile(
                "/admin/media", Map.of("language", "en", "alt_en", "A dry well"), "well.png", "image/png", png);
        JsonNode image = null;
        assertThat(uploaded.statusCode()).isIn(303, 201);
        long mediaId = site.wiring().media().service().recent(1).get(0).id();
        long source = createDraft(
                editor,
                Map.of(
                        "headline", "Wells run dry in Galmudug",
                        "standfirst", "Herders move north.",
                        "body", "<p>Water points have dried up.</p><h2>North</h2><p>Herders move north.</p>",
                        "featured_image", String.valueOf(mediaId),
                        "featured_alt", "A dry well",
                        "featured_caption", "A well near Dhusamareb"));
        assertThat(editor.post("/admin/articles/" + source + "/workflow", Map.of("step", "publish"))
                        .statusCode())
                .isEqualTo(303);

        HttpResponse<String> started =
                translator.post("/admin/articles/" + source + "/translations", Map.of("language", "so"));
        assertThat(started.statusCode()).isEqualTo(303);
        long somali = Long.parseLong(
                started.headers().firstValue("Location").orElseThrow().replaceAll("\\D+", ""));
        Article empty = article(somali);
        assertThat(empty.headline()).isEmpty();
        assertThat(empty.body()).isEqualTo("<p></p><h2></h2><p></p>");
        assertThat(site.wiring().articles().service().featuredImageId(somali)).isEqualTo(mediaId);
        var page = translator.page("/admin/articles/" + somali);
        assertThat(page.select("ol[data-rows] li")).hasSize(3);
        assertThat(page.select("ol[data-rows] li").get(0).text()).contains("Water points have dried up.");
        assertThat(page.select("#featured_alt").val()).isEmpty();

        Map<String, String> form = new HashMap<>();
        form.put("headline", "Ceelasha Galmudug way engegeen");
        form.put(
                "body",
                "<p>Meelaha biyaha way engegeen.</p><h2>Waqooyi</h2><p>Xoolo-dhaqatadu waxay u guurayaan waqooyi.</p>");
        form.put("body_format", "html");
        form.put("featured_image", String.valueOf(mediaId));
        form.put("featured_alt", "");
        form.put("featured_caption", "");
        form.put("source_revision_seen", String.valueOf(article(source).revision()));
        form.put("revision", String.valueOf(empty.revision()));
        assertThat(translator.post("/admin/articles/" + somali, form).statusCode())
                .isEqualTo(303);
        assertThat(article(somali).slug()).isEqualTo("ceelasha-galmudug-way-engegeen");

        // Not without alt text in Somali.
        HttpResponse<String> early = editor.post("/admin/articles/" + somali + "/workflow", Map.of("step", "publish"));
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(early.body()).select("#featured_alt-error").text())
                .contains("alt text");
        form.put("featured_alt", "Ceel engegay");
        form.put("featured_caption", "Ceel u dhow Dhuusamarreeb");
        form.put("revision", String.valueOf(article(somali).revision()));
        assertThat(translator.post("/admin/articles/" + somali, form).statusCode())
                .isEqualTo(303);
        assertThat(site.wiring()
                        .media()
                        .service()
                        .find(mediaId)
                        .orElseThrow()
                        .texts()
                        .get("so")
                        .alt())
                .isEqualTo("Ceel engegay");
        assertThat(editor.post("/admin/articles/" + somali + "/workflow", Map.of("step", "publish"))
                        .statusCode())
                .isEqualTo(303);

        // The source changes one word: that row shows it, word by word; carrying it over brings the
        // translation up to date.
        Map<String, String> edit = new HashMap<>();
        edit.put("headline", "Wells run dry in Galmudug");
        edit.put("standfirst", "Herders move north.");
        edit.put("body", "<p>Water points have dried up.</p><h2>North</h2><p>Herders move south.</p>");
        edit.put("body_format", "html");
        edit.put("featured_image", String.valueOf(mediaId));
        edit.put("revision", String.valueOf(article(source).revision()));
        assertThat(editor.post("/admin/articles/" + source, edit).statusCode()).isEqualTo(303);
        assertThat(site.wiring().translations().progress().isOutdated(somali)).isTrue();
        var outdated = translator.page("/admin/articles/" + somali);
        var rows = outdated.select("ol[data-rows] li");
        assertThat(rows.get(2).attr("data-state")).isEqualTo("changed");
        assertThat(rows.get(2).select(".diff-words").html()).contains("<del>north</del><ins>south</ins>");
        assertThat(rows.get(0).attr("data-state")).isEqualTo("same");

        String encoded = "headline=" + enc(form.get("headline")) + "&body="
                + enc(
                        "<p>Meelaha biyaha way engegeen.</p><h2>Waqooyi</h2><p>Xoolo-dhaqatadu waxay u guurayaan koonfur.</p>")
                + "&body_format=html&featured_image=" + mediaId + "&featured_alt=" + enc("Ceel engegay")
                + "&source_revision_seen=" + article(source).revision() + "&revision="
                + article(somali).revision()
                + "&carried=2";
        assertThat(translator.postEncoded("/admin/articles/" + somali, encoded).statusCode())
                .isEqualTo(303);
        // Review before live: the live translation's catch-up waits for an editor, who approves it.
        assertThat(site.wiring().translations().progress().isOutdated(somali)).isTrue();
        String approve = editor.page("/admin/articles/" + somali + "/pending")
                .select("form[action$=/approve]")
                .attr("action");
        assertThat(approve).isNotEmpty();
        assertThat(editor.post(approve, Map.of()).statusCode()).isEqualTo(303);
        assertThat(site.wiring().translations().progress().isOutdated(somali)).isFalse();

        assertThat(article(somali).body()).contains("koonfur");
        assertThat(image).isNull();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void the_session_answer_gives_the_token_a_page_signed_in_again_needs() {
        JsonNode session = json(editor.get("/admin/session", JSON_ACCEPT));
        assertThat(session.get("csrf").asText()).isNotBlank();
        assertThat(session.get("name").asText()).isEqualTo("Sagal Editor");
    }
}
