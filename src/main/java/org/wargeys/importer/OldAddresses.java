package org.wargeys.importer;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.wargeys.article.ArticlePaths;
import org.wargeys.article.ArticleService;
import org.wargeys.platform.NotFoundException;

/**
 * The addresses articles had on the old site (WordPress permalinks, {@code /?p=ID}, category and tag
 * archives) and where they lead now: the article's current address while it is published, or a fixed
 * path. Thread-safe.
 */
public final class OldAddresses {

    private final Jdbi jdbi;
    private final ArticleService articles;
    private final ArticlePaths paths;

    public OldAddresses(Jdbi jdbi, ArticleService articles, ArticlePaths paths) {
        this.jdbi = jdbi;
        this.articles = articles;
        this.paths = paths;
    }

    /** A Location header is ASCII: slugs in other scripts are percent-encoded. */
    static String ascii(String path) {
        try {
            return new java.net.URI(null, null, path, null).toASCIIString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("Not a path: " + path, e);
        }
    }

    /** The new path for an old request path and raw query, if the address is known. */
    public Optional<String> find(String path, String query) {
        if (path == null || path.length() > 2000) return Optional.empty();
        String key = OldPaths.normalize(path, query);
        record Target(Long articleId, String path) {}
        Optional<Target> target = jdbi.withHandle(h -> h.createQuery("SELECT article_id, target_path FROM redirects WHERE old_path = :p")
                .bind("p", key)
                .map((rs, ctx) -> {
                    long id = rs.getLong(1);
                    return new Target(rs.wasNull() ? null : id, rs.getString(2));
                }).findOne());
        if (target.isEmpty()) return Optional.empty();
        if (target.get().articleId() == null) return Optional.of(ascii(target.get().path()));
        try {
            var article = articles.find(target.get().articleId());
            return article.isPublished() ? Optional.of(ascii(paths.path(article))) : Optional.empty();
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }
}
