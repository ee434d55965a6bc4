package org.wargeys.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
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
import org.wargeys.account.User;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleDraft;
import org.wargeys.desk.NotificationKind;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.StaffClient;
import org.wargeys.testsupport.TestSite;

/**
 * The desk over real HTTP, on each database: who hears of what (submitted, returned, published,
 * assigned, mentioned, translation behind), written on the step's own transaction; the dashboard of
 * each role; the article list's keyset pages, filters and search; the bulk actions. One site per
 * database for the class, without the demo content, so that every count is this class's own.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeskIT {

    static final String PASSWORD = "correct horse battery";

    @Parameter
    DatabaseKind database;

    TestSite site;
    User edna;
    User asha;
    User tariq;
    StaffClient editor;
    StaffClient author;
    StaffClient translator;

    @BeforeParameterizedClassInvocation
    void start() {
        site = TestSite.start(database, false);
        var accounts = site.wiring().accounts().accounts();
        edna = accounts.create("edna@example.org", "Edna", Role.EDITOR, Set.of(), PASSWORD, Actor.TERMINAL);
        asha = accounts.create("asha@example.org", "Asha", Role.AUTHOR, Set.of(), PASSWORD, Actor.TERMINAL);
        tariq = accounts.create("tariq@example.org", "Tariq", Role.TRANSLATOR, Set.of("so"), PASSWORD, Actor.TERMINAL);
        var articles = site.wiring().articles().service();
        articles.defineSection("world", Map.of("en", "World", "so", "Adduunka"), Actor.TERMINAL);
        articles.defineSection("sport", Map.of("en", "Sport", "so", "Ciyaaraha"), Actor.TERMINAL);
        articles.defineTag("drought", Map.of("en", "Drought", "so", "Abaar"), Actor.TERMINAL);
        articles.defineAuthor("staff", "Warsoor staff", Map.of(), Actor.TERMINAL);
        editor = StaffClient.signIn(site, edna.email(), PASSWORD);
        author = StaffClient.signIn(site, asha.email(), PASSWORD);
        translator = StaffClient.signIn(site, tariq.email(), PASSWORD);
    }

    @AfterParameterizedClassInvocation
    void stop() {
        if (site != null) site.deleteData();
    }

    private static Actor actor(User user) {
        return new Actor(user.id(), user.email(), "127.0.0.1");
    }

    private Article draft(String headline, User by) {
        return draft(headline, "A standfirst.", "world", by);
    }

    private Article draft(String headline, String standfirst, String section, User by) {
        return site.wiring()
                .articles()
                .service()
                .createDraft(
                        new ArticleDraft(
                                "en",
                                null,
                                headline,
                                null,
                                standfirst,
                                null,
                                "Body.",
                                section,
                                List.of(),
                                List.of("staff")),
                        actor(by));
    }

    private int step(StaffClient who, long id, String step) {
        return who.post("/admin/articles/" + id + "/workflow", Map.of("step", step))
                .statusCode();
    }

    private List<NotificationKind> notified(User user, long articleId) {
        return site.wiring().desk().notifications().of(user.id(), null, 500).stream()
                .filter(n -> n.articleId() != null && n.articleId() == articleId)
                .map(n -> n.kind())
                .toList();
    }

    @Test
    void a_submission_tells_the_editors_in_its_own_transaction_and_a_return_and_a_publication_tell_the_writer() {
        Article story = draft("Wells run dry in Galmudug", asha);
        long commits = site.wiring().platform().transactions().commits();
        assertThat(step(author, story.id(), "submit")).isEqualTo(303);
        assertThat(site.wiring().platform().transactions().commits() - commits)
                .as("the step and its notifications: one transaction")
                .isEqualTo(1);
        assertThat(notified(edna, story.id())).containsExactly(NotificationKind.SUBMITTED);
        assertThat(notified(asha, story.id()))
                .as("nobody hears of their own step")
                .isEmpty();
        Document bell = editor.page("/admin/notifications");
        assertThat(bell.select("li.unread").text()).contains("Asha submitted Wells run dry in Galmudug for review");
        assertThat(editor.page("/admin").select(".bell").attr("data-unread")).isNotEqualTo("0");

        Document desk = editor.page("/admin");
        assertThat(desk.select("#review li[data-article=" + story.id() + "]").text())
                .contains("Wells run dry in Galmudug", "Submitted by Asha · 13:00");

        assertThat(step(editor, story.id(), "return-to-draft")).isEqualTo(303);
        assertThat(notified(asha, story.id())).containsExactly(NotificationKind.RETURNED);
        Document authorsDesk = author.page("/admin");
        assertThat(authorsDesk
                        .select("#returned li[data-article=" + story.id() + "]")
                        .text())
                .contains("Returned by Edna · 13:00");
        assertThat(authorsDesk.select("#drafts li[data-article=" + story.id() + "]"))
                .as("a returned draft is listed once, as returned")
                .isEmpty();

        assertThat(step(editor, story.id(), "publish")).isEqualTo(303);
        assertThat(notified(asha, story.id())).contains(NotificationKind.PUBLISHED);
        assertThat(editor.page("/admin")
                        .select("#published li[data-article=" + story.id() + "]")
                        .text())
                .contains("shared 0 times");

        // Opening a notification marks it read and leads to the article.
        var opened = site.wiring().desk().notifications().of(asha.id(), null, 1).get(0);
        HttpResponse<String> open = author.get("/admin/notifications/" + opened.id());
        assertThat(open.headers().firstValue("Location")).hasValue("/admin/articles/" + story.id());
        assertThat(site.wiring()
                        .desk()
                        .notifications()
                        .of(asha.id(), null, 1)
                        .get(0)
                        .unread())
                .isFalse();
        assertThat(editor.get("/admin/notifications/" + opened.id()).statusCode())
                .as("someone else's notification")
                .isEqualTo(404);
    }

    @Test
    void an_assignment_tells_the_assignee_shows_on_their_desk_and_closes_when_the_work_is_handed_in() {
        Article story = draft("Port reopens after the storm", asha);
        HttpResponse<String> assigned = editor.post(
                "/admin/articles/" + story.id() + "/assignments",
                Map.of("assignee", String.valueOf(asha.id()), "language", "", "due", "2026-11-25T17:00"));
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(303);
        assertThat(editor.page("/admin/articles/" + story.id() + "/desk")
                        .select(".flash")
                        .text())
                .isEqualTo("Assigned to Asha, due 17:00 EAT; Asha was told.");
        assertThat(notified(asha, story.id())).containsExactly(NotificationKind.ASSIGNED);
        assertThat(author.page("/admin")
                        .select("#assigned li[data-article=" + story.id() + "]")
                        .text())
                .contains("You: the article, due 17:00 EAT");

        // Only someone who may do the work can be given it: a translator cannot edit an English article.
        HttpResponse<String> refused = editor.post(
                "/admin/articles/" + story.id() + "/assignments",
                Map.of("assignee", String.valueOf(tariq.id()), "language", ""));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).select("[role=alert]").text()).contains("Tariq may not edit");

        // A translation into Somali may go to Tariq.
        assertThat(editor.post(
                                "/admin/articles/" + story.id() + "/assignments",
                                Map.of("assignee", String.valueOf(tariq.id()), "language", "so"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(translator.page("/admin/notifications").select("li").text())
                .contains("Edna asked you to translate Port reopens after the storm into Somali");

        assertThat(step(author, story.id(), "submit")).isEqualTo(303);
        var open = site.wiring().desk().assignments().of(story.id());
        assertThat(open)
                .filteredOn(a -> !a.isTranslation())
                .allSatisfy(a -> assertThat(a.open()).isFalse());
        assertThat(open)
                .filteredOn(a -> a.isTranslation())
                .allSatisfy(a -> assertThat(a.open()).isTrue());
        assertThat(author.page("/admin").select("#assigned li[data-article=" + story.id() + "]"))
                .isEmpty();
        assertThat(author.post("/admin/assignments/" + open.get(0).id() + "/done", Map.of())
                        .statusCode())
                .as("not the author's assignment")
                .isEqualTo(403);
    }

    @Test
    void a_note_tells_the_people_it_mentions_and_refuses_a_mention_of_nobody() {
        Article story = draft("Floods in Beledweyne", asha);
        HttpResponse<String> noted = editor.post(
                "/admin/articles/" + story.id() + "/notes",
                Map.of("note", "@asha please check the figures with @tariq. Write to asha@example.org."));
        assertThat(noted.statusCode()).as(noted.body()).isEqualTo(303);
        assertThat(notified(asha, story.id())).containsExactly(NotificationKind.MENTIONED);
        assertThat(notified(tariq, story.id())).containsExactly(NotificationKind.MENTIONED);
        Document page = author.page("/admin/articles/" + story.id() + "/desk");
        assertThat(page.select(".notes mark.mention").eachText()).containsExactly("@asha", "@tariq");
        assertThat(page.select(".note-body").text()).contains("Write to asha@example.org.");

        HttpResponse<String> nobody =
                editor.post("/admin/articles/" + story.id() + "/notes", Map.of("note", "Ask @amina first."));
        assertThat(nobody.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(nobody.body()).select("#note-error").text()).contains("@amina names nobody");
        assertThat(Jsoup.parse(nobody.body()).select("textarea#note").text())
                .as("the note comes back as typed")
                .isEqualTo("Ask @amina first.");
        assertThat(site.wiring().desk().notes().of(story.id())).hasSize(1);
    }

    @Test
    void a_source_saved_past_its_translation_tells_the_translator_once_and_their_desk_lists_it() {
        Article source = draft("Rains return to Baidoa", asha);
        assertThat(step(editor, source.id(), "publish")).isEqualTo(303);
        assertThat(translator.page("/admin").select("#translate-so li[data-article=" + source.id() + "]"))
                .as("published and missing in Somali")
                .hasSize(1);
        HttpResponse<String> started =
                translator.post("/admin/articles/" + source.id() + "/translations", Map.of("language", "so"));
        assertThat(started.statusCode()).isEqualTo(303);
        long translation = Long.parseLong(
                started.headers().firstValue("Location").orElseThrow().replaceAll("\\D", ""));
        assertThat(translator
                        .page("/admin/articles/" + translation)
                        .select(".flash")
                        .text())
                .contains("translation into Somali was started");

        var articles = site.wiring().articles().service();
        Article current = articles.find(source.id());
        ArticleDraft edited = new ArticleDraft(
                "en",
                current.slug(),
                current.headline(),
                null,
                "A new standfirst.",
                null,
                "Body, longer.",
                "world",
                List.of(),
                List.of("staff"));
        articles.update(source.id(), current.revision(), edited, actor(edna));
        assertThat(notified(tariq, translation)).containsExactly(NotificationKind.TRANSLATION_OUTDATED);
        Article again = articles.find(source.id());
        articles.update(source.id(), again.revision(), edited, actor(edna));
        assertThat(notified(tariq, translation))
                .as("told once, not at every save")
                .hasSize(1);
        assertThat(translator.page("/admin").select("#translate-so li[data-article=" + translation + "]"))
                .as("behind its source")
                .hasSize(1);
    }

    @Test
    void the_list_pages_forwards_and_backwards_through_every_article_once_whatever_the_order() {
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < 121; i++) {
            made.add(draft(String.format("Paging story %03d", i), "About paging.", i % 2 == 0 ? "world" : "sport", asha)
                    .id());
        }
        for (String sort : List.of("updated", "created", "headline")) {
            List<Long> seen = new ArrayList<>();
            List<String> pages = new ArrayList<>();
            String next = "/admin/articles?q=paging&sort=" + sort;
            while (next != null) {
                pages.add(next);
                Document page = editor.page(next);
                page.select("tr[data-article]").forEach(r -> seen.add(Long.parseLong(r.attr("data-article"))));
                var link = page.selectFirst(".pager a[rel=next]");
                next = link == null ? null : link.attr("href");
            }
            assertThat(pages).as(sort).hasSize(3);
            assertThat(seen).as(sort + ": every article once").hasSize(121).doesNotHaveDuplicates();
            assertThat(new HashSet<>(seen)).containsExactlyInAnyOrderElementsOf(made);
            if (sort.equals("headline")) {
                assertThat(seen).as("A to Z").isEqualTo(made);
            } else {
                List<Long> newestFirst = new ArrayList<>(made);
                java.util.Collections.reverse(newestFirst);
                assertThat(seen).as("newest first").isEqualTo(newestFirst);
            }
            // And back from the last page: the same pages, in the same order.
            Document last = editor.page(pages.get(2));
            Document back = editor.page(last.selectFirst(".pager a[rel=prev]").attr("href"));
            assertThat(back.select("tr[data-article]").eachAttr("data-article"))
                    .isEqualTo(
                            editor.page(pages.get(1)).select("tr[data-article]").eachAttr("data-article"));
            assertThat(editor.page(pages.get(0)).select(".pager a[rel=prev]")).isEmpty();
        }
        assertThat(editor.page("/admin/articles?q=paging+story+007").select("tr[data-article]"))
                .as("every word must match")
                .hasSize(1);
        assertThat(editor.page("/admin/articles?q=about+paging&section=sport").select("tr[data-article]"))
                .as("the standfirst is searched too, and the section filters")
                .hasSize(50);
        assertThat(editor.page("/admin/articles?q=paging&author=staff&status=draft&language=en&translation=incomplete")
                        .select("tr[data-article]"))
                .hasSize(50);
        assertThat(editor.page("/admin/articles?q=paging&translation=outdated").select("tr[data-article]"))
                .isEmpty();
    }

    @Test
    void search_finds_parts_of_words_in_any_case_and_follows_every_edit() {
        Article flood =
                draft("Daadadka ka dhacay GAROOWE", "Xaaladda biyaha \"Shabelle\" ee ku xeeran.", "world", asha);
        draft("Unrelated headline", "Nothing in common.", "world", asha);
        assertThat(editor.page("/admin/articles?q=garoowe")
                        .select("tr[data-article]")
                        .eachAttr("data-article"))
                .as("case folded")
                .containsExactly(String.valueOf(flood.id()));
        assertThat(editor.page("/admin/articles?q=AADAD").select("tr[data-article]"))
                .as("a part of a word")
                .hasSize(1);
        assertThat(editor.page("/admin/articles?q=ka+%22shabelle%22+biyaha").select("tr[data-article]"))
                .as("a short word, quotes and the standfirst, all of them at once")
                .hasSize(1);
        assertThat(editor.page("/admin/articles?q=garoowe+nowhere").select("tr[data-article]"))
                .as("every word must match")
                .isEmpty();

        site.wiring()
                .articles()
                .service()
                .update(
                        flood.id(),
                        flood.revision(),
                        new ArticleDraft(
                                "en",
                                null,
                                "Roobab ka da'ay Baydhabo",
                                null,
                                null,
                                null,
                                "Body.",
                                "world",
                                List.of(),
                                List.of("staff")),
                        actor(edna));
        assertThat(editor.page("/admin/articles?q=garoowe").select("tr[data-article]"))
                .as("the old headline is forgotten")
                .isEmpty();
        assertThat(editor.page("/admin/articles?q=shabelle").select("tr[data-article]"))
                .as("and the removed standfirst")
                .isEmpty();
        assertThat(editor.page("/admin/articles?q=baydhabo").select("tr[data-article]"))
                .as("the new one is found")
                .hasSize(1);
    }

    @Test
    void an_editor_publishes_moves_tags_and_assigns_ticked_articles_in_one_transaction_each() {

        Article one = draft("Bulk one", asha);
        Article two = draft("Bulk two", asha);
        Article live = draft("Bulk live", asha);
        site.wiring().articles().service().publish(live.id(), Actor.TERMINAL);
        String ids = "ids=" + one.id() + "&ids=" + two.id() + "&ids=" + live.id();

        long commits = site.wiring().platform().transactions().commits();
        HttpResponse<String> published = editor.postEncoded(
                "/admin/articles/bulk", ids + "&action=publish&return=%2Fadmin%2Farticles%3Fq%3Dbulk");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(303);
        assertThat(published.headers().firstValue("Location")).hasValue("/admin/articles?q=bulk");
        assertThat(site.wiring().platform().transactions().commits() - commits).isEqualTo(1);
        assertThat(editor.page("/admin/articles?q=bulk").select(".flash").text())
                .isEqualTo("Published: 2. Left as they were: 1.");
        assertThat(site.wiring().articles().service().find(two.id()).isPublished())
                .isTrue();
        assertThat(site.get(new org.wargeys.article.ArticlePaths(
                                        site.wiring().platform().site().timezone())
                                .path(site.wiring().articles().service().find(one.id())))
                        .statusCode())
                .as("readers see it")
                .isEqualTo(200);

        assertThat(editor.postEncoded("/admin/articles/bulk", ids + "&action=section&section=sport")
                        .statusCode())
                .isEqualTo(303);
        assertThat(site.wiring()
                        .articles()
                        .service()
                        .details(site.wiring().articles().service().find(one.id()))
                        .section()
                        .orElseThrow()
                        .key())
                .isEqualTo("sport");
        assertThat(editor.postEncoded("/admin/articles/bulk", ids + "&action=tag&tag=drought")
                        .statusCode())
                .isEqualTo(303);
        assertThat(site.wiring()
                        .articles()
                        .service()
                        .details(site.wiring().articles().service().find(live.id()))
                        .tags())
                .extracting(t -> t.key())
                .containsExactly("drought");
        assertThat(editor.postEncoded("/admin/articles/bulk", ids + "&action=tag&tag=drought")
                        .statusCode())
                .isEqualTo(303);
        assertThat(editor.page("/admin/articles").select(".flash").text()).isEqualTo("Tagged: 0. Already tagged: 3.");

        assertThat(editor.postEncoded(
                                "/admin/articles/bulk",
                                ids + "&action=assign&assignee=" + tariq.id()
                                        + "&assign_language=so&due=2026-11-26T09:00")
                        .statusCode())
                .isEqualTo(303);
        assertThat(editor.page("/admin/articles").select(".flash").text())
                .contains("3 assigned to Tariq, due")
                .contains("09:00 EAT");
        assertThat(notified(tariq, one.id())).contains(NotificationKind.ASSIGNED);

        assertThat(editor.postEncoded("/admin/articles/bulk", ids + "&action=unpublish")
                        .statusCode())
                .isEqualTo(303);
        assertThat(site.wiring().articles().service().find(live.id()).isPublished())
                .isFalse();

        assertThat(author.postEncoded("/admin/articles/bulk", ids + "&action=publish")
                        .statusCode())
                .as("authors have no bulk actions")
                .isEqualTo(403);
        assertThat(author.page("/admin/articles").select("#bulk")).isEmpty();
        assertThat(editor.postEncoded("/admin/articles/bulk", "action=publish").statusCode())
                .as("nothing ticked")
                .isEqualTo(400);
    }
}
