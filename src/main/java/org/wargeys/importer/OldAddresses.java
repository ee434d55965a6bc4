package org.wargeys.importer;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.wargeys.article.ArticlePaths;
import org.wargeys.article.ArticleService;
import org.wargeys.pages.ArchivePaths;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.Site;

/**
 * The addresses articles had on the old site (WordPress permalinks, {@code /?p=ID}, category and tag
 * archives) and where they lead now: the article's current address while it is published, or a fixed
 * path. Thread-safe.
 */
public final class OldAddresses {

    /** Targets that name an old category or tag archive by its slug, resolved to an archive page when asked. */
    static final String SECTION = "section-slug:";

    static final String TAG = "tag-slug:";

    private final Jdbi jdbi;
    private final ArticleService articles;
    private final ArticlePaths paths;
    private final Site site;

    OldAddresses(Jdbi jdbi, ArticleService articles, ArticlePaths paths, Site site) {
        this.jdbi = jdbi;
        this.articles = articles;
        this.paths = paths;
        this.site = site;
    }

    // "slug" or "slug@lang": the section or tag whose name has that slug in some language, shown in
    // the wanted language (the prefix's, else the slug's own) if it has a name there; else that home page.
    private String archive(String kind, String target) {
        int at = target.lastIndexOf('@');
        String slug = at < 0 ? target : target.substring(0, at);
        String wanted = at < 0 ? null : target.substring(at + 1);
        String table = kind.equals("section") ? "section_names" : "tag_names";
        String column = kind.equals("section") ? "section_id" : "tag_id";
        record Name(long id, String language, String slug) {}
        var found = jdbi.withHandle(
                h -> h.createQuery("SELECT " + column + ", language, slug FROM " + table + " WHERE slug = :slug")
                        .bind("slug", slug)
                        .map((rs, ctx) -> new Name(rs.getLong(1), rs.getString(2), rs.getString(3)))
                        .list());
        String fallbackLanguage = wanted != null && site.publishesIn(wanted)
                ? wanted
                : site.defaultLanguage().code();
        if (found.isEmpty()) return "/" + fallbackLanguage + "/";
        Name own = found.stream()
                .filter(n -> n.language().equals(site.defaultLanguage().code()))
                .findFirst()
                .orElse(found.get(0));
        String language = wanted != null && site.publishesIn(wanted) ? wanted : own.language();
        var named = jdbi.withHandle(
                h -> h.createQuery("SELECT slug FROM " + table + " WHERE " + column + " = :id AND language = :lang")
                        .bind("id", own.id())
                        .bind("lang", language)
                        .mapTo(String.class)
                        .findOne());
        if (named.isEmpty()) return "/" + language + "/";
        return kind.equals("section")
                ? ArchivePaths.section(language, named.get())
                : ArchivePaths.tag(language, named.get());
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
        Optional<Target> target =
                jdbi.withHandle(h -> h.createQuery("SELECT article_id, target_path FROM redirects WHERE old_path = :p")
                        .bind("p", key)
                        .map((rs, ctx) -> {
                            long id = rs.getLong(1);
                            return new Target(rs.wasNull() ? null : id, rs.getString(2));
                        })
                        .findOne());
        if (target.isEmpty()) return Optional.empty();
        if (target.get().articleId() == null) {
            String to = target.get().path();
            if (to.startsWith(SECTION)) return Optional.of(ascii(archive("section", to.substring(SECTION.length()))));
            if (to.startsWith(TAG)) return Optional.of(ascii(archive("tag", to.substring(TAG.length()))));
            return Optional.of(ascii(to));
        }
        try {
            var article = articles.find(target.get().articleId());
            return article.isPublished() ? Optional.of(ascii(paths.path(article))) : Optional.empty();
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }
}
