package org.wargeys.article;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The newsroom's view of all articles, drafts included: translation groups with at least one article
 * matching a filter, most recently edited first, each with all its articles. Thread-safe.
 */
public final class ArticleListing {

    static final int LIMIT = 100;

    /** Null or blank fields do not filter. {@code headline} matches anywhere, case-insensitively. */
    public record Filter(String language, ArticleStatus status, String sectionKey, String authorKey, String headline) {}

    private final Jdbi jdbi;

    ArticleListing(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Translation groups as lists of their articles, in group order of last edit. */
    public List<List<Article>> groups(Filter filter) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> binds = new LinkedHashMap<>();
        if (present(filter.language())) {
            where.append(" AND a.language = :language");
            binds.put("language", filter.language());
        }
        if (filter.status() != null) {
            where.append(" AND a.status = :status");
            binds.put("status", filter.status().code());
        }
        if (present(filter.sectionKey())) {
            where.append(" AND a.section_id IN (SELECT id FROM sections WHERE key = :section)");
            binds.put("section", filter.sectionKey());
        }
        if (present(filter.authorKey())) {
            where.append(" AND EXISTS (SELECT 1 FROM article_authors aa JOIN authors au ON au.id = aa.author_id"
                    + " WHERE aa.article_id = a.id AND au.key = :author)");
            binds.put("author", filter.authorKey());
        }
        if (present(filter.headline())) {
            where.append(" AND LOWER(a.headline) LIKE :headline ESCAPE '!'");
            String escaped = filter.headline()
                    .strip()
                    .toLowerCase(Locale.ROOT)
                    .replace("!", "!!")
                    .replace("%", "!%")
                    .replace("_", "!_");
            binds.put("headline", "%" + escaped + "%");
        }
        return jdbi.withHandle(h -> {
            var query =
                    h.createQuery("SELECT a.translation_group_id, MAX(a.updated_at) AS edited FROM articles a" + where
                            + " GROUP BY a.translation_group_id ORDER BY edited DESC, a.translation_group_id DESC LIMIT "
                            + LIMIT);
            binds.forEach(query::bind);
            List<Long> groupIds = query.map((rs, ctx) -> rs.getLong(1)).list();
            if (groupIds.isEmpty()) return List.of();
            List<Article> all = h.createQuery("SELECT " + ArticleRepository.COLUMNS
                            + " FROM articles a WHERE a.translation_group_id IN (<groups>) ORDER BY a.id")
                    .bindList("groups", groupIds)
                    .map(ArticleRepository::map)
                    .list();
            Map<Long, List<Article>> byGroup = new LinkedHashMap<>();
            groupIds.forEach(id -> byGroup.put(id, new ArrayList<>()));
            all.forEach(a -> byGroup.get(a.translationGroupId()).add(a));
            return byGroup.values().stream().map(List::copyOf).toList();
        });
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
