package org.wargeys.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.wargeys.platform.Dialect;

/**
 * The newsroom's list of all articles, drafts included, a page at a time: filtered by words, language,
 * status, section, byline and translation state, sorted by last edit, publication, creation or
 * headline. Pages are keyset-paginated — each page starts after the last row of the one before, read
 * from an index — so the thousandth page of 100,000 articles costs what the first does; there is no
 * OFFSET. Thread-safe.
 */
public final class ArticleListing {

    /** Rows on a page. */
    public static final int PAGE = 50;

    /** The most words a search takes (each must appear in the headline or the standfirst). */
    static final int MAX_WORDS = 6;

    /** Up to this many full-text matches are read from the index and sorted; beyond, see select(). */
    static final int FEW_MATCHES = 1_000;

    /** How the list is ordered; dates newest first, headlines A to Z. Each has its index. */
    public enum Sort {
        UPDATED("a.updated_at", true),
        PUBLISHED("a.published_at", true),
        CREATED("a.created_at", true),
        HEADLINE("a.headline", false);

        final String column;
        final boolean descending;

        Sort(String column, boolean descending) {
            this.column = column;
            this.descending = descending;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The sort a code names, or {@link #UPDATED}. */
        public static Sort of(String code) {
            for (Sort s : values()) if (s.code().equals(code)) return s;
            return UPDATED;
        }
    }

    /** Where an article stands among its translations. */
    public enum TranslationState {
        /** Not a translation: an article written in its language. */
        ORIGINAL,
        /** A translation that reflects its source's latest revision. */
        CURRENT,
        /** A translation whose source was saved since it was brought up to date. */
        OUTDATED,
        /** Its translation group lacks at least one of the site's languages. */
        INCOMPLETE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The state a code names, or null for any other text (no filter). */
        public static TranslationState of(String code) {
            for (TranslationState s : values()) if (s.code().equals(code)) return s;
            return null;
        }
    }

    /**
     * What to list; null or blank fields do not filter.
     *
     * @param words matched, each of them, in the headline or standfirst, case-insensitively
     * @param createdBy only articles this staff member started
     */
    public record Query(
            String words,
            String language,
            ArticleStatus status,
            String sectionKey,
            String authorKey,
            TranslationState translation,
            Long createdBy,
            Sort sort) {

        public static Query all(Sort sort) {
            return new Query(null, null, null, null, null, null, null, sort);
        }
    }

    /** Where a page starts or ends: the sort column's value on a row, and the row's id. */
    public record Cursor(String value, long id) {}

    /**
     * A row of the list: the article with its section and bylines named, and its translation state.
     *
     * @param section the section's name in the asked language, or null
     * @param sourceLanguage the language it was translated from, or null for an original
     * @param missing the site languages its translation group lacks, in the site's order
     */
    public record Row(
            Article article,
            String section,
            List<String> bylines,
            String sourceLanguage,
            boolean outdated,
            List<String> missing) {

        public TranslationState translationState() {
            if (sourceLanguage != null) return outdated ? TranslationState.OUTDATED : TranslationState.CURRENT;
            return missing.isEmpty() ? TranslationState.ORIGINAL : TranslationState.INCOMPLETE;
        }
    }

    /**
     * A page of rows, and the cursors of the pages on either side of it (null at either end).
     */
    public record Page(List<Row> rows, Cursor previous, Cursor next) {}

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final int fewMatches;
    private final List<String> siteLanguages;

    ArticleListing(Jdbi jdbi, Dialect dialect, List<String> siteLanguages) {
        this(jdbi, dialect, siteLanguages, FEW_MATCHES);
    }

    /** With another bound between few and many full-text matches (a test takes both ways on a few rows). */
    ArticleListing(Jdbi jdbi, Dialect dialect, List<String> siteLanguages, int fewMatches) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.fewMatches = fewMatches;
        this.siteLanguages = List.copyOf(siteLanguages);
    }

    /**
     * One page of articles.
     *
     * @param after the page after this row (the next page), or null for the first page
     * @param before the page before this row (the previous page), or null; wins over {@code after}
     * @param namesIn the language in which sections are named
     */
    public Page page(Query query, Cursor after, Cursor before, int limit, String namesIn) {
        return jdbi.withHandle(h -> {
            boolean backwards = before != null;
            List<Article> found = select(h, query, backwards ? before : after, backwards, limit + 1);
            boolean more = found.size() > limit;
            List<Article> articles = new ArrayList<>(more ? found.subList(0, limit) : found);
            if (backwards) Collections.reverse(articles);
            boolean hasPrevious = backwards ? more : after != null;
            boolean hasNext = backwards || more;
            Cursor previous = hasPrevious && !articles.isEmpty() ? cursor(query.sort(), articles.get(0)) : null;
            Cursor next =
                    hasNext && !articles.isEmpty() ? cursor(query.sort(), articles.get(articles.size() - 1)) : null;
            return new Page(rows(h, articles, namesIn), previous, next);
        });
    }

    /** The rows of these articles, in the order given (the desk's lists); ids that do not exist are left out. */
    public List<Row> rows(List<Long> ids, String namesIn) {
        if (ids.isEmpty()) return List.of();
        return jdbi.withHandle(h -> {
            Map<Long, Article> byId = new HashMap<>();
            h.createQuery("SELECT " + ArticleRepository.COLUMNS + " FROM articles a WHERE a.id IN (<ids>)")
                    .bindList("ids", List.copyOf(new LinkedHashSet<>(ids)))
                    .map(ArticleRepository::map)
                    .forEach(a -> byId.put(a.id(), a));
            List<Article> ordered = new ArrayList<>();
            for (long id : new LinkedHashSet<>(ids)) {
                if (byId.containsKey(id)) ordered.add(byId.get(id));
            }
            return rows(h, ordered, namesIn);
        });
    }

    /** How many articles there are in a language (a language with none may be removed from the site). */
    public int countIn(String language) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM articles WHERE language = :lang")
                .bind("lang", language)
                .mapTo(Integer.class)
                .one());
    }

    private List<Article> select(Handle h, Query q, Cursor cursor, boolean backwards, int limit) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> binds = new LinkedHashMap<>();
        if (present(q.language())) {
            where.append(" AND a.language = :language");
            binds.put("language", q.language());
        }
        if (q.status() != null) {
            where.append(" AND a.status = :status");
            binds.put("status", q.status().code());
        }
        if (present(q.sectionKey())) {
            where.append(" AND a.section_id = (SELECT id FROM sections WHERE key = :section)");
            binds.put("section", q.sectionKey());
        }
        if (present(q.authorKey())) {
            where.append(" AND EXISTS (SELECT 1 FROM article_authors aa WHERE aa.article_id = a.id"
                    + " AND aa.author_id = (SELECT id FROM authors WHERE key = :author))");
            binds.put("author", q.authorKey());
        }
        if (q.createdBy() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM article_origins c WHERE c.article_id = a.id"
                    + " AND c.created_by = :creator)");
            binds.put("creator", q.createdBy());
        }
        if (q.translation() != null) {
            String outdated = "EXISTS (SELECT 1 FROM article_origins o JOIN articles s ON s.id = o.source_article_id"
                    + " WHERE o.article_id = a.id AND o.source_revision < s.revision)";
            String translation = "EXISTS (SELECT 1 FROM article_origins o WHERE o.article_id = a.id"
                    + " AND o.source_article_id IS NOT NULL)";
            switch (q.translation()) {
                case OUTDATED -> where.append(" AND ").append(outdated);
                case CURRENT ->
                    where.append(" AND ")
                            .append(translation)
                            .append(" AND NOT ")
                            .append(outdated);
                case ORIGINAL -> where.append(" AND NOT ").append(translation);
                case INCOMPLETE -> {
                    where.append(" AND (SELECT COUNT(*) FROM articles g WHERE g.translation_group_id"
                            + " = a.translation_group_id) < :languageCount");
                    binds.put("languageCount", siteLanguages.size());
                }
            }
        }
        List<String> words = words(q.words());
        List<String> indexed = new ArrayList<>();
        if (dialect == Dialect.SQLITE) {
            // SQLite's trigram index (V0021) finds words of three characters or more, in any case;
            // shorter ones match no row there and are read from the rows below, as PostgreSQL reads
            // all of them (its pg_trgm indexes serve the LIKE itself).
            words.stream().filter(w -> w.codePointCount(0, w.length()) >= 3).forEach(indexed::add);
            if (!indexed.isEmpty()) {
                String match = String.join(
                        " ", indexed.stream().map(ArticleListing::phrase).toList());
                // Few matches (the slow case of a LIKE, which reads every row to find them): read
                // them from the index and sort those. Many: the LIKE below walks the sort's index
                // and stops as soon as the page is full, sooner the more common the words are. (The
                // index cannot be asked about one row at a time: each ask runs the whole query.)
                List<Long> matched = h.createQuery(
                                "SELECT rowid FROM article_search WHERE article_search MATCH :match LIMIT :few")
                        .bind("match", match)
                        .bind("few", fewMatches + 1)
                        .mapTo(Long.class)
                        .list();
                if (matched.isEmpty()) return List.of();
                if (matched.size() <= fewMatches) {
                    where.append(" AND a.id IN (<matched>)");
                    binds.put("matched", matched);
                } else {
                    indexed.clear();
                }
            }
        }
        words = words.stream().filter(w -> !indexed.contains(w)).toList();
        for (int i = 0; i < words.size(); i++) {
            where.append(" AND (LOWER(a.headline) LIKE :w")
                    .append(i)
                    .append(" ESCAPE '!' OR LOWER(a.standfirst) LIKE :w")
                    .append(i)
                    .append(" ESCAPE '!')");
            binds.put("w" + i, "%" + escape(words.get(i)) + "%");
        }
        Sort sort = q.sort() == null ? Sort.UPDATED : q.sort();
        if (sort == Sort.PUBLISHED) where.append(" AND a.published_at IS NOT NULL");
        // Forwards on a descending sort reads smaller values; backwards (the previous page) the other way.
        boolean smaller = sort.descending != backwards;
        if (cursor != null) {
            String op = smaller ? "<" : ">";
            // A row value: both databases bound an index range by it, which neither derives from the OR form
            // "(at < :v OR (at = :v AND id < :id))" with parameters (a deep page walked from the top).
            where.append(" AND (")
                    .append(sort.column)
                    .append(", a.id) ")
                    .append(op)
                    .append(" (:cv, :cid)");

            binds.put("cv", sort == Sort.HEADLINE ? cursor.value() : Long.parseLong(cursor.value()));
            binds.put("cid", cursor.id());
        }
        String direction = smaller ? " DESC" : " ASC";
        var select = h.createQuery("SELECT " + ArticleRepository.COLUMNS + " FROM articles a" + where + " ORDER BY "
                + sort.column + direction + ", a.id" + direction + " LIMIT :limit");
        binds.forEach((name, value) -> {
            if (value instanceof List<?> list) select.bindList(name, list);
            else select.bind(name, value);
        });
        return select.bind("limit", limit).map(ArticleRepository::map).list();
    }

    /** A cursor at a row, for its sort. */
    static Cursor cursor(Sort sort, Article a) {
        String value = switch (sort == null ? Sort.UPDATED : sort) {
            case UPDATED -> String.valueOf(a.updatedAt().toEpochMilli());
            case PUBLISHED -> String.valueOf(a.publishedAt().toEpochMilli());
            case CREATED -> String.valueOf(a.createdAt().toEpochMilli());
            case HEADLINE -> a.headline();
        };
        return new Cursor(value, a.id());
    }

    /** Section names, bylines and translation states of a page's articles: four queries, whatever the page's size. */
    private List<Row> rows(Handle h, List<Article> articles, String namesIn) {
        if (articles.isEmpty()) return List.of();
        List<Long> ids = articles.stream().map(Article::id).toList();
        Map<Long, String> sections = new HashMap<>();
        Set<Long> sectionIds = new LinkedHashSet<>();
        articles.forEach(a -> {
            if (a.sectionId() != null) sectionIds.add(a.sectionId());
        });
        if (!sectionIds.isEmpty()) {
            h.createQuery("SELECT s.id, COALESCE(n.name, s.key) FROM sections s LEFT JOIN section_names n"
                            + " ON n.section_id = s.id AND n.language = :lang WHERE s.id IN (<ids>)")
                    .bind("lang", namesIn)
                    .bindList("ids", List.copyOf(sectionIds))
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .forEach(e -> sections.put(e.getKey(), e.getValue()));
        }
        Map<Long, List<String>> bylines = new HashMap<>();
        h.createQuery("SELECT aa.article_id, COALESCE(n.name, au.name) FROM article_authors aa"
                        + " JOIN articles x ON x.id = aa.article_id JOIN authors au ON au.id = aa.author_id"
                        + " LEFT JOIN author_names n ON n.author_id = au.id AND n.language = x.language"
                        + " WHERE aa.article_id IN (<ids>) ORDER BY aa.article_id, aa.position")
                .bindList("ids", ids)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> bylines.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        Map<Long, String[]> origins = new HashMap<>();
        h.createQuery("SELECT o.article_id, s.language, CASE WHEN o.source_revision < s.revision THEN 1 ELSE 0 END"
                        + " FROM article_origins o JOIN articles s ON s.id = o.source_article_id"
                        + " WHERE o.article_id IN (<ids>)")
                .bindList("ids", ids)
                .map((rs, ctx) -> origin(rs))
                .forEach(o -> origins.put(Long.parseLong(o[0]), o));
        Map<Long, Set<String>> groupLanguages = new HashMap<>();
        h.createQuery("SELECT translation_group_id, language FROM articles WHERE translation_group_id IN (<groups>)")
                .bindList(
                        "groups",
                        articles.stream()
                                .map(Article::translationGroupId)
                                .distinct()
                                .toList())
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> groupLanguages
                        .computeIfAbsent(e.getKey(), k -> new LinkedHashSet<>())
                        .add(e.getValue()));
        List<Row> rows = new ArrayList<>();
        for (Article a : articles) {
            String[] origin = origins.get(a.id());
            Set<String> present = groupLanguages.getOrDefault(a.translationGroupId(), Set.of());
            rows.add(new Row(
                    a,
                    a.sectionId() == null ? null : sections.get(a.sectionId()),
                    List.copyOf(bylines.getOrDefault(a.id(), List.of())),
                    origin == null ? null : origin[1],
                    origin != null && origin[2].equals("1"),
                    siteLanguages.stream().filter(l -> !present.contains(l)).toList()));
        }
        return rows;
    }

    private static String[] origin(ResultSet rs) throws SQLException {
        return new String[] {String.valueOf(rs.getLong(1)), rs.getString(2), String.valueOf(rs.getInt(3))};
    }

    /** The search's words: lower-cased, at most {@link #MAX_WORDS}. */
    static List<String> words(String text) {
        if (text == null || text.isBlank()) return List.of();
        List<String> words = new ArrayList<>();
        for (String w : text.strip().toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!w.isEmpty() && words.size() < MAX_WORDS && !words.contains(w)) words.add(w);
        }
        return words;
    }

    /** A word as an FTS5 phrase: quoted, so that its punctuation is text and not query syntax. */
    private static String phrase(String word) {
        return '"' + word.replace("\"", "\"\"") + '"';
    }

    private static String escape(String word) {

        return word.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
