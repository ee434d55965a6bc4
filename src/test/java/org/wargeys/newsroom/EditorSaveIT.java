package org.wargeys.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.wargeys.article.Article;
import org.wargeys.platform.Actor;
import org.wargeys.platform.AuditEntry;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.StaffClient;
import org.wargeys.testsupport.TestSite;

/**
 * One save of the article editor is one use case: one transaction (content, section, tags, bylines,
 * search-engine fields, featured image, pin, revision and audit line together), then one index write,
 * one purge and one notification to the other nodes. A refused save writes nothing at all.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditorSaveIT {

    static final String PASSWORD = "correct horse battery";

    @Parameter
    DatabaseKind database;

    TestSite site;
    StaffClient editor;

    @BeforeParameterizedClassInvocation
    void start() {
        site = TestSite.start(database);
        site.wiring()
                .accounts()
                .accounts()
                .create("saver@example.org", "Sahra", Role.EDITOR, Set.of(), PASSWORD, Actor.TERMINAL);
        editor = StaffClient.signIn(site, "saver@example.org", PASSWORD);
    }

    @AfterParameterizedClassInvocation
    void stop() {
        if (site != null) site.deleteData();
    }

    @Test
    void saving_a_live_article_commits_once_and_notifies_once() throws Exception {
        // The index built at start-up (and caught up after) is done: what follows is a save's own cost.
        site.wiring().search().indexer().rebuilding().get();
        long id = liveArticle("Counting what a save costs");

        Map<String, String> form = form(id);
        form.put("headline", "Counting what a save costs, edited");
        form.put("seo_title", "A title for search engines");
        form.put("pinned", "on");

        Counts before = counts();
        HttpResponse<String> saved = editor.post("/admin/articles/" + id, form);
        Counts after = counts();

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(after.commits() - before.commits())
                .as("use-case transactions")
                .isEqualTo(1);
        assertThat(after.autocommitWrites() - before.autocommitWrites())
                .as("writes outside it")
                .isZero();
        assertThat(after.indexCommits() - before.indexCommits())
                .as("search index writes")
                .isEqualTo(1);
        assertThat(after.purges() - before.purges()).as("page cache purges").isEqualTo(1);
        assertThat(after.sent() - before.sent())
                .as("notifications to other nodes")
                .isEqualTo(database == DatabaseKind.POSTGRESQL ? 1 : 0);
        Article article = site.wiring().articles().service().find(id);
        assertThat(article.headline()).isEqualTo("Counting what a save costs, edited");
        assertThat(article.seoTitle()).isEqualTo("A title for search engines");
        assertThat(article.pinned()).isTrue();
        assertThat(site.wiring().platform().audit().recent(5))
                .extracting(AuditEntry::action)
                .contains("article.save", "article.pin");
    }

    @Test
    void a_save_refused_for_one_field_writes_nothing_at_all() {
        long id = liveArticle("Nothing half-saved");
        Map<String, String> form = form(id);
        form.put("headline", "A new headline that must not be kept");
        form.put("seo_title", "x".repeat(500));
        // (Editors create the tags they name; a section must exist.)
        form.put("section", "no-such-section");

        Counts before = counts();
        HttpResponse<String> refused = editor.post("/admin/articles/" + id, form);
        Counts after = counts();

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(after).isEqualTo(before);
        assertThat(site.wiring().articles().service().find(id).headline()).isEqualTo("Nothing half-saved");
        var page = Jsoup.parse(refused.body());
        assertThat(page.select("[name=headline]").val()).isEqualTo("A new headline that must not be kept");
        assertThat(page.text()).contains("no-such-section");
    }

    @Test
    void validation_messages_are_in_the_staff_members_language() {
        long id = liveArticle("Somali messages");
        Map<String, String> form = form(id);
        form.put("headline", "");
        HttpResponse<String> refused = editor.post("/admin/articles/" + id, form, Map.of("Accept-Language", "so"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).text())
                .contains("Cinwaanka waa lagama maarmaan.")
                .doesNotContain("A headline is required.");
    }

    record Counts(long commits, long autocommitWrites, long indexCommits, long purges, long sent) {}

    private Counts counts() {
        var w = site.wiring();
        return new Counts(
                w.platform().transactions().commits(),
                w.platform().database().autocommitWrites(),
                w.search().index().commits(),
                w.web().pageCache().purges(),
                w.platform().cluster().sent());
    }

    private long liveArticle(String headline) {
        HttpResponse<String> created = editor.post(
                "/admin/articles",
                Map.of(
                        "language",
                        "en",
                        "headline",
                        headline,
                        "body",
                        "A body.",
                        "section",
                        "world",
                        "authors",
                        "newsroom"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        long id = Long.parseLong(
                created.headers().firstValue("Location").orElseThrow().replaceAll("^/admin/articles/(\\d+).*$", "$1"));
        assertThat(editor.post("/admin/articles/" + id + "/workflow", Map.of("step", "publish"))
                        .statusCode())
                .isEqualTo(303);
        return id;
    }

    private Map<String, String> form(long id) {
        var page = editor.page("/admin/articles/" + id);
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
}
