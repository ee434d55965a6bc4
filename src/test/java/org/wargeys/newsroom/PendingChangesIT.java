package org.wargeys.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.wargeys.article.WorkflowStep;
import org.wargeys.platform.Actor;
import org.wargeys.platform.AuditEntry;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.StaffClient;
import org.wargeys.testsupport.TestSite;

/**
 * Review before live over real HTTP, on each database: an author's edit of a published article and
 * a restore wait for an editor; restoring a revision asks first and warns of
 * the corrections published since; on a published article it makes a change that waits for an
 * editor, readers keep the live text until an editor approves; an approval over a newer save is
 * refused; revisions compare word by word. One site per database, without the demo content.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PendingChangesIT {

    static final String PASSWORD = "correct horse battery";
    static final String WRONG = "Herders near Galkayo say the wells ran dry.";
    static final String FIXED = "Herders near Dhusamareb say the wells ran dry.";

    @Parameter
    DatabaseKind database;

    TestSite site;
    User edna;
    User asha;
    StaffClient editor;
    StaffClient author;

    @BeforeParameterizedClassInvocation
    void start() {
        site = TestSite.start(database, false);
        var accounts = site.wiring().accounts().accounts();
        edna = accounts.create("edna@example.org", "Edna", Role.EDITOR, Set.of(), PASSWORD, Actor.TERMINAL);
        asha = accounts.create("asha@example.org", "Asha", Role.AUTHOR, Set.of(), PASSWORD, Actor.TERMINAL);
        editor = StaffClient.signIn(site, edna.email(), PASSWORD);
        author = StaffClient.signIn(site, asha.email(), PASSWORD);
    }

    @AfterParameterizedClassInvocation
    void stop() {
        if (site != null) site.deleteData();
    }

    private static Actor actor(User user) {
        return new Actor(user.id(), user.email(), "127.0.0.1");
    }

    private static ArticleDraft content(String headline, String body) {
        return new ArticleDraft("en", null, headline, null, "A standfirst.", null, body, null, List.of(), List.of());
    }

    /**
     * Asha's article with two revisions, the first naming the wrong town, the second the right one;
     * published if asked, with a correction saying so.
     */
    private Article corrected(String headline, boolean publish) {
        var articles = site.wiring().articles().service();
        Article first = articles.createDraft(content(headline, WRONG), actor(asha));
        Article second = articles.update(first.id(), first.revision(), content(headline, FIXED), actor(asha));
        if (publish) {
            site.wiring().articles().workflow().take(second.id(), WorkflowStep.PUBLISH, null, actor(edna));
            site.wiring()
                    .articles()
                    .corrections()
                    .add(second.id(), "An earlier version named the wrong town.", actor(edna));
        }
        return articles.find(second.id());
    }

    private String publicPage(Article article) {
        return site.get(site.wiring().articles().paths().path(article)).body();
    }

    private List<String> auditActions(long articleId) {
        return site.wiring().platform().audit().recent(200).stream()
                .filter(e -> e.target() != null && e.target().equals("article:" + articleId))
                .map(AuditEntry::action)
                .toList();
    }

    @Test
    void restoring_a_live_article_asks_first_warns_of_later_corrections_and_waits_for_an_editor() {
        Article article = corrected("Wells run dry", true);
        String restore = "/admin/articles/" + article.id() + "/revisions/1/restore";

        Document confirm = author.page(restore);
        assertThat(confirm.select("#restore-pending")).hasSize(1);
        assertThat(confirm.select("#corrections-since li").text()).contains("An earlier version named the wrong town.");
        assertThat(confirm.select(".word-diff del").text()).contains("Dhusamareb");
        assertThat(confirm.select(".word-diff ins").text()).contains("Galkayo");

        HttpResponse<String> restored = author.post(restore, Map.of("revision", "2"));
        assertThat(restored.statusCode()).isEqualTo(303);
        assertThat(restored.headers().firstValue("Location")).hasValue("/admin/articles/" + article.id() + "/pending");
        assertThat(site.wiring().articles().service().find(article.id()).revision())
                .isEqualTo(2);
        assertThat(publicPage(article))
                .as("readers keep the live text")
                .contains("Dhusamareb")
                .doesNotContain("Galkayo");

        Document review = author.page("/admin/articles/" + article.id() + "/pending");
        assertThat(review.select(".flash").text()).contains("Revision 1 waits for an editor’s approval");
        assertThat(review.select("#pending-who").text()).contains("Asha restored revision 1");
        assertThat(review.select("#diff-body del").text()).isEqualTo("Dhusamareb");
        assertThat(review.select("#diff-body ins").text()).isEqualTo("Galkayo");
        assertThat(review.select("#corrections-since")).hasSize(1);
        assertThat(review.select("form[action$=/approve]"))
                .as("an author may not approve")
                .isEmpty();
        long change = site.wiring()
                .articles()
                .revisions()
                .pending(article.id())
                .orElseThrow()
                .id();
        String approve = "/admin/articles/" + article.id() + "/pending/" + change + "/approve";
        assertThat(author.post(approve, Map.of()).statusCode()).isEqualTo(403);

        Document desk = editor.page("/admin");
        assertThat(desk.select("#pending li[data-article=" + article.id() + "] a")
                        .attr("href"))
                .isEqualTo("/admin/articles/" + article.id() + "/pending");
        assertThat(editor.page("/admin/articles/" + article.id() + "/pending").select("form[action=" + approve + "]"))
                .hasSize(1);

        HttpResponse<String> approved = editor.post(approve, Map.of());
        assertThat(approved.statusCode()).isEqualTo(303);
        Article now = site.wiring().articles().service().find(article.id());
        assertThat(now.revision()).isEqualTo(3);
        assertThat(now.body()).isEqualTo(WRONG);
        assertThat(publicPage(now)).contains("Galkayo");
        assertThat(site.wiring().articles().revisions().pending(article.id())).isEmpty();
        assertThat(editor.page("/admin/articles/" + article.id())
                        .select(".flash")
                        .text())
                .isEqualTo("Approved: readers see revision 3 now.");
        assertThat(auditActions(article.id())).contains("article.propose_change", "article.approve_change");
        assertThat(editor.page("/admin").select("#pending li[data-article=" + article.id() + "]"))
                .isEmpty();
    }

    @Test
    void an_approval_over_a_newer_save_is_refused_and_a_change_turned_down_leaves_the_article_as_it_is() {
        Article article = corrected("Port reopens", true);
        assertThat(editor.post("/admin/articles/" + article.id() + "/revisions/1/restore", Map.of("revision", "2"))
                        .statusCode())
                .isEqualTo(303);
        long change = site.wiring()
                .articles()
                .revisions()
                .pending(article.id())
                .orElseThrow()
                .id();
        // Someone saves the live article meanwhile.
        site.wiring()
                .articles()
                .service()
                .update(article.id(), 2, content("Port reopens after the storm", FIXED), actor(edna));

        String review = "/admin/articles/" + article.id() + "/pending";
        assertThat(editor.page(review).select("[role=alert]").text()).contains("was saved after this change");
        HttpResponse<String> refused = editor.post(review + "/" + change + "/approve", Map.of());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(site.wiring().articles().service().find(article.id()).headline())
                .isEqualTo("Port reopens after the storm");
        assertThat(site.wiring().articles().revisions().pending(article.id()))
                .as("still waiting: the refusal rolled the decision back")
                .isPresent();

        assertThat(editor.post(review + "/" + change + "/reject", Map.of()).statusCode())
                .isEqualTo(303);
        assertThat(site.wiring().articles().revisions().pending(article.id())).isEmpty();
        Article now = site.wiring().articles().service().find(article.id());
        assertThat(now.revision()).isEqualTo(3);
        assertThat(now.body()).isEqualTo(FIXED);
        assertThat(editor.post(review + "/" + change + "/reject", Map.of()).statusCode())
                .as("a change already decided")
                .isEqualTo(409);
        assertThat(auditActions(article.id())).contains("article.reject_change");
    }

    @Test
    void restoring_a_draft_asks_first_then_restores_at_once_and_revisions_compare_word_by_word() {
        Article article = corrected("Teachers strike", false);
        String restore = "/admin/articles/" + article.id() + "/revisions/1/restore";
        Document confirm = author.page(restore);
        assertThat(confirm.select("#restore-draft")).hasSize(1);
        assertThat(confirm.select("#corrections-since")).isEmpty();

        Document compared = author.page("/admin/articles/" + article.id() + "/revisions?from=1&to=2");
        assertThat(compared.select("#revision-diff del").text()).isEqualTo("Galkayo");
        assertThat(compared.select("#revision-diff ins").text()).isEqualTo("Dhusamareb");
        assertThat(compared.select("a.restore[href=" + restore + "]")).hasSize(1);

        HttpResponse<String> restored = author.post(restore, Map.of("revision", "2"));
        assertThat(restored.statusCode()).isEqualTo(303);
        assertThat(restored.headers().firstValue("Location")).hasValue("/admin/articles/" + article.id());
        Article now = site.wiring().articles().service().find(article.id());
        assertThat(now.revision()).isEqualTo(3);
        assertThat(now.body()).isEqualTo(WRONG);
        assertThat(site.wiring().articles().revisions().pending(article.id())).isEmpty();
        assertThat(author.post(restore, Map.of("revision", "2")).statusCode())
                .as("a restore from a stale page")
                .isEqualTo(409);
    }

    /** The editor form's fields as the page fills them (as a browser would post them back). */
    private static Map<String, String> form(StaffClient who, long id) {
        Document page = who.page("/admin/articles/" + id);
        Map<String, String> fields = new java.util.HashMap<>();
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

    @Test
    void an_authors_edit_of_a_live_article_waits_whole_for_an_editor_while_an_editors_goes_live() {
        site.wiring().articles().service().defineTag("drought", Map.of("en", "Drought"), Actor.TERMINAL);
        Article article = corrected("Drought deepens", true);
        Document before = author.page("/admin/articles/" + article.id());
        assertThat(before.select("[data-review-notice]").text())
                .as("the author is told before saving")
                .startsWith("This article is live. Readers keep seeing it as it is");
        assertThat(before.select("button[data-save]").text()).isEqualTo("Send for approval");
        assertThat(editor.page("/admin/articles/" + article.id()).select("[data-review-notice]"))
                .as("an editor publishes directly")
                .isEmpty();
        Map<String, String> fields = form(author, article.id());
        assertThat(fields.get("body")).isEqualTo(FIXED);
        fields.put("body", FIXED + " The rains failed twice.");
        fields.put("tags", "drought");

        HttpResponse<String> saved = author.post("/admin/articles/" + article.id(), fields);
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).hasValue("/admin/articles/" + article.id() + "/pending");
        assertThat(site.wiring().articles().service().find(article.id()).revision())
                .isEqualTo(2);
        assertThat(publicPage(article)).doesNotContain("The rains failed twice.");
        Document review = author.page("/admin/articles/" + article.id() + "/pending");
        assertThat(review.select(".flash").text()).startsWith("Your change waits for an editor’s approval.");
        assertThat(review.select("#pending-who").text()).contains("Asha changed the published article");
        assertThat(review.select("#diff-body ins").text()).isEqualTo("The rains failed twice.");
        assertThat(author.page("/admin/articles/" + article.id())
                        .select("[data-review-notice]")
                        .text())
                .as("a second edit replaces the waiting one, and the author is told so")
                .startsWith("This article is live and a change of yours already waits");
        Document bell = editor.page("/admin/notifications");
        assertThat(bell.select("li[data-kind=change_proposed]").text())
                .as("the editors' bell rings")
                .contains("Asha proposed a change to Drought deepens");
        assertThat(editor.get(bell.select("li[data-kind=change_proposed] a").attr("href"))
                        .headers()
                        .firstValue("Location"))
                .hasValue("/admin/articles/" + article.id() + "/pending");

        long change = site.wiring()
                .articles()
                .revisions()
                .pending(article.id())
                .orElseThrow()
                .id();
        assertThat(editor.post("/admin/articles/" + article.id() + "/pending/" + change + "/approve", Map.of())
                        .statusCode())
                .isEqualTo(303);
        Article now = site.wiring().articles().service().find(article.id());
        assertThat(now.body()).isEqualTo(FIXED + " The rains failed twice.");
        assertThat(site.wiring().articles().service().details(now).tags())
                .as("the edit is applied whole, its tags too")
                .extracting(org.wargeys.article.Tag::key)
                .containsExactly("drought");
        assertThat(publicPage(now)).contains("The rains failed twice.");
        assertThat(auditActions(article.id())).contains("article.propose_edit", "article.approve_change");

        // An editor's own save of a live article goes live at once, as before.
        Map<String, String> editors = form(editor, article.id());
        editors.put("headline", "Drought deepens in Galmudug");
        HttpResponse<String> direct = editor.post("/admin/articles/" + article.id(), editors);
        assertThat(direct.statusCode()).isEqualTo(303);
        assertThat(direct.headers().firstValue("Location").orElseThrow()).doesNotContain("/pending");
        assertThat(site.wiring().articles().service().find(article.id()).headline())
                .isEqualTo("Drought deepens in Galmudug");
        assertThat(site.wiring().articles().revisions().pending(article.id())).isEmpty();
    }

    @Test
    void the_editor_scripts_update_button_waits_for_an_editor_too() {
        Article article = corrected("Wells run dry", true);
        Map<String, String> fields = form(author, article.id());
        fields.put("body", FIXED + " Herders move north.");
        fields.put("mode", "save");
        HttpResponse<String> saved = author.post(
                "/admin/articles/" + article.id() + "/autosave", fields, Map.of("Accept", "application/json"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).contains("\"location\":\"/admin/articles/" + article.id() + "/pending\"");
        assertThat(site.wiring().articles().service().find(article.id()).body()).isEqualTo(FIXED);
        assertThat(publicPage(article)).doesNotContain("Herders move north.");
        assertThat(site.wiring().articles().revisions().pending(article.id())).isPresent();
    }
}
