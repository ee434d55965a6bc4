package org.wargeys.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleDetails;
import org.wargeys.article.ArticleEvent;
import org.wargeys.article.ArticlePaths;
import org.wargeys.article.ArticleService;
import org.wargeys.article.Tag;
import org.wargeys.platform.Language;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.Site;

/**
 * Keeps the search index in step with the database: listens to articles going live or down, and
 * rebuilds the whole index from the database when asked (or in the background when the index was
 * missing or broken). An article is read from the database and written to the index under one lock,
 * so a rebuild never puts back an article that was unpublished meanwhile. Thread-safe.
 */
public final class ArticleIndexer {

    private static final Logger LOG = LoggerFactory.getLogger(ArticleIndexer.class);
    private static final int BATCH = 200;

    /** Told how far a rebuild has come. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total);
    }

    private final SearchIndex index;
    private final ArticleService articles;
    private final ArticlePaths paths;
    private final Site site;
    private final Object lock = new Object();
    private volatile boolean stopped;
    private volatile CompletableFuture<Integer> rebuilding = CompletableFuture.completedFuture(0);

    ArticleIndexer(SearchIndex index, ArticleService articles, ArticlePaths paths, Site site) {
        this.index = index;
        this.articles = articles;
        this.paths = paths;
        this.site = site;
    }

    /** One article changed as readers see it: the index reads its current state, in one write and commit. */
    void changed(ArticleEvent event) {
        refresh(event.articleId(), true);
        index.commit(false);
    }

    /** Many articles at once (an import): one refresh and one commit for all of them. */
    void changed(org.wargeys.article.ArticlesChanged event) {
        writeAll(event.articleIds(), (done, total) -> {});
        index.commit(false);
    }

    /** Starts a rebuild on {@code executor} if the index needs one; the site keeps serving meanwhile. */
    void rebuildIfNeeded(ExecutorService executor) {
        if (index.needsRebuild())
            rebuildInBackground(executor, "the index was missing, incomplete or of an older shape");
    }

    /** Starts a rebuild on {@code executor}, unless one is running; the site keeps serving meanwhile. */
    synchronized void rebuildInBackground(ExecutorService executor, String reason) {
        if (isRebuilding()) return;
        LOG.info("Rebuilding the search index in the background: {}", reason);
        rebuilding = CompletableFuture.supplyAsync(() -> rebuild((done, total) -> {}), executor);
        rebuilding.whenComplete((count, failure) -> {
            if (failure != null && stopped) LOG.info("Search index rebuild stopped; it resumes on the next start");
            else if (failure != null) LOG.error("Rebuilding the search index failed", failure);
            else LOG.info("Search index rebuilt: {} articles", count);
        });
    }

    /** Asks a rebuild in progress to stop at the next article (the index stays marked incomplete). */
    void stop() {
        stopped = true;
    }

    /** The background rebuild in progress (or the last one); completes with the number of articles indexed. */
    public CompletableFuture<Integer> rebuilding() {
        return rebuilding;
    }

    public boolean isRebuilding() {
        return !rebuilding.isDone();
    }

    /**
     * Indexes every published article from the database and drops from the index whatever is not
     * published any more; returns the number of articles indexed.
     */
    public int rebuild(Progress progress) {
        List<Long> ids = publishedIds();
        progress.update(0, ids.size());
        writeAll(ids, progress);
        Set<Long> published = new HashSet<>(ids);
        for (long stale : index.ids()) {
            if (!published.contains(stale)) refresh(stale, true);
        }
        index.commit(true);
        return ids.size();
    }

    // Brings many articles into agreement with the database, making them visible a batch at a time
    // rather than one by one (each refresh reopens the index), then all of them; commits nothing.
    private void writeAll(List<Long> ids, Progress progress) {
        int done = 0;
        for (long id : ids) {
            if (stopped)
                throw new IllegalStateException("The program is stopping; the rebuild will resume on the next start");
            refresh(id, false);
            if (++done % BATCH == 0) index.refresh();
            progress.update(done, ids.size());
        }
        index.refresh();
    }

    private List<Long> publishedIds() {
        List<Long> ids = new ArrayList<>();
        for (Language language : site.languages()) {
            for (int offset = 0; ; offset += BATCH) {
                List<Article> page = articles.latestPublished(language.code(), BATCH, offset);
                page.forEach(a -> ids.add(a.id()));
                if (page.size() < BATCH) break;
            }
        }
        return ids;
    }

    // Reads the article's current state and makes the index agree with it.
    private void refresh(long articleId, boolean visibleNow) {
        synchronized (lock) {
            Optional<Article> article = find(articleId).filter(Article::isPublished);
            if (article.isEmpty()) {
                if (visibleNow) index.remove(articleId);
                else index.forget(articleId);
            } else if (visibleNow) index.put(indexed(articles.details(article.get())));
            else index.write(indexed(articles.details(article.get())));
        }
    }

    private Optional<Article> find(long id) {
        try {
            return Optional.of(articles.find(id));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private IndexedArticle indexed(ArticleDetails details) {
        Article a = details.article();
        return new IndexedArticle(
                a.id(),
                a.translationGroupId(),
                a.language(),
                a.headline(),
                a.standfirst(),
                Jsoup.parse(a.bodyHtml()).text(),
                details.section().map(s -> s.key()).orElse(null),
                details.section().map(s -> s.name()).orElse(null),
                details.tags().stream().map(Tag::key).toList(),
                paths.path(a),
                a.publishedAt());
    }
}
