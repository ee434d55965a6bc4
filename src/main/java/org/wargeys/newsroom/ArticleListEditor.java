package org.wargeys.newsroom;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.wargeys.account.User;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleListing;
import org.wargeys.article.ArticleStatus;
import org.wargeys.article.Permissions;
import org.wargeys.article.Taxonomy;
import org.wargeys.platform.Language;
import org.wargeys.platform.Site;
import org.wargeys.translation.TranslationProgress;
import org.wargeys.web.PageRenderer;

/** The article list, {@code /admin/articles}: translation groups and each language's state. */
public final class ArticleListEditor {

    static final String OUTDATED = "outdated";

    private final Site site;
    private final ArticleListing listing;
    private final Taxonomy taxonomy;
    private final TranslationProgress progress;
    private final NewsroomLayouts layouts;
    private final PageRenderer renderer;

    ArticleListEditor(
            Site site,
            ArticleListing listing,
            Taxonomy taxonomy,
            TranslationProgress progress,
            NewsroomLayouts layouts,
            PageRenderer renderer) {
        this.site = site;
        this.listing = listing;
        this.taxonomy = taxonomy;
        this.progress = progress;
        this.layouts = layouts;
        this.renderer = renderer;
    }

    public void home(Context ctx) {
        ctx.redirect("/admin/articles", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    public void list(Context ctx) {
        User user = StaffGate.session(ctx).user();
        NewsroomLayout layout = layouts.layout(ctx, "newsroom.articles.title");
        String language = param(ctx, "language");
        if (!language.isEmpty() && !site.publishesIn(language)) language = "";
        String status = param(ctx, "status");
        List<String> statuses = statuses();
        if (!statuses.contains(status)) status = "";
        ArticleListPage.Filter shown = new ArticleListPage.Filter(
                language, status, param(ctx, "section"), param(ctx, "author"), param(ctx, "q"));
        boolean onlyOutdated = status.equals(OUTDATED);
        ArticleStatus byStatus = status.isEmpty() || onlyOutdated ? null : ArticleStatus.of(status);
        List<List<Article>> groups = listing.groups(
                new ArticleListing.Filter(language, byStatus, shown.section(), shown.author(), shown.q()));
        Set<Long> outdated = progress.outdated(
                groups.stream().flatMap(List::stream).map(Article::id).toList());
        List<ArticleListPage.Row> rows = groups.stream()
                .map(group -> row(group, outdated, user))
                .filter(row -> !onlyOutdated
                        || row.cells().stream()
                                .anyMatch(c -> c.state().equals(OUTDATED)
                                        && (shown.language().isEmpty()
                                                || c.language().equals(shown.language()))))
                .toList();
        String ui = layout.language().code();
        ArticleListPage page = new ArticleListPage(
                layout,
                shown,
                site.languages().stream().map(Language::code).toList(),
                statuses,
                taxonomy.sections(ui),
                taxonomy.authors(ui),
                rows);
        ctx.contentType(PageRenderer.HTML).result(renderer.render("newsroom/articles.jte", page));
    }

    private ArticleListPage.Row row(List<Article> group, Set<Long> outdated, User user) {
        Article source = group.get(0);
        List<ArticleListPage.Cell> cells = site.languages().stream()
                .map(l -> {
                    Optional<Article> article = group.stream()
                            .filter(a -> a.language().equals(l.code()))
                            .findFirst();
                    if (article.isEmpty()) {
                        return new ArticleListPage.Cell(
                                l.code(),
                                "missing",
                                null,
                                Permissions.mayTranslateInto(user, l.code()) ? source.id() : null);
                    }
                    Article a = article.get();
                    String state =
                            outdated.contains(a.id()) ? OUTDATED : a.status().code();
                    return new ArticleListPage.Cell(l.code(), state, a.id(), null);
                })
                .toList();
        return new ArticleListPage.Row(source.translationGroupId(), source.headline(), cells);
    }

    static List<String> statuses() {
        List<String> all = new java.util.ArrayList<>(
                Arrays.stream(ArticleStatus.values()).map(ArticleStatus::code).toList());
        all.add(OUTDATED);
        return all;
    }

    private static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null ? "" : value.strip();
    }
}
