package org.wargeys.article;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.wargeys.platform.EventBus;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.Site;
import org.wargeys.platform.ValidationException;

/**
 * The use cases on articles: write, edit, publish, unpublish and read them. Every write is one
 * transaction, keeps a revision and announces itself on the event bus. Thread-safe.
 */
public final class ArticleService {

    static final int MAX_HEADLINE = 300;
    static final int MAX_STANDFIRST = 1_000;
    static final int MAX_BODY = 1_000_000;

    private final Jdbi jdbi;
    private final ArticleRepository articles;
    private final TaxonomyRepository taxonomy;
    private final BodyRenderer bodies;
    private final EventBus events;
    private final Site site;
    private final Clock clock;

    public ArticleService(Jdbi jdbi, BodyRenderer bodies, EventBus events, Site site, Clock clock) {
        this.jdbi = jdbi;
        this.articles = new ArticleRepository(jdbi);
        this.taxonomy = new TaxonomyRepository(jdbi);
        this.bodies = bodies;
        this.events = events;
        this.site = site;
        this.clock = clock;
    }

    /** Creates a draft that starts a new translation group of its own. */
    public Article createDraft(ArticleDraft draft, String savedBy) {
        return create(draft, null, savedBy);
    }

    /**
     * Creates a draft in the given translation group (a translation of the articles in it).
     * Refused if the group already has an article in the draft's language.
     */
    public Article createTranslationDraft(long translationGroupId, ArticleDraft draft, String savedBy) {
        boolean taken = articles.inGroup(translationGroupId).stream()
                .anyMatch(a -> a.language().equals(draft.language()));
        if (taken) {
            throw ValidationException.of(
                    "language", "This article already has a translation in '" + draft.language() + "'.");
        }
        return create(draft, translationGroupId, savedBy);
    }

    private Article create(ArticleDraft draft, Long groupId, String savedBy) {
        validate(draft);
        String html = bodies.render(draft.bodyFormat(), draft.body());
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            String slug = chooseSlug(h, draft, null);
            Long sectionId = sectionId(h, draft.sectionKey());
            long group = groupId != null ? groupId : articles.insertGroup(h, draft.language(), now);
            long id = articles.insert(h, group, draft, slug, html, sectionId, now);
            articles.replaceTags(h, id, termIds(h, TaxonomyRepository.Kind.TAG, draft.tagKeys()));
            articles.replaceAuthors(h, id, termIds(h, TaxonomyRepository.Kind.AUTHOR, draft.authorKeys()));
            Article created = articles.findById(h, id).orElseThrow();
            articles.insertRevision(h, created, savedBy);
            return created;
        });
    }

    /**
     * Saves new content over an article. {@code expectedRevision} is the revision the writer
     * started from; if someone saved in between, the save is refused rather than overwriting theirs.
     */
    public Article update(long id, int expectedRevision, ArticleDraft draft, String savedBy) {
        validate(draft);
        Article current = find(id);
        if (!current.language().equals(draft.language())) {
            throw ValidationException.of("language", "An article's language cannot change; translate it instead.");
        }
        String html = bodies.render(draft.bodyFormat(), draft.body());
        Instant now = clock.instant();
        Article saved = jdbi.inTransaction(h -> {
            String slug = chooseSlug(h, draft, id);
            Long sectionId = sectionId(h, draft.sectionKey());
            if (!articles.update(h, id, expectedRevision, draft, slug, html, sectionId, now)) {
                throw new EditConflictException(id, expectedRevision);
            }
            articles.replaceTags(h, id, termIds(h, TaxonomyRepository.Kind.TAG, draft.tagKeys()));
            articles.replaceAuthors(h, id, termIds(h, TaxonomyRepository.Kind.AUTHOR, draft.authorKeys()));
            Article updated = articles.findById(h, id).orElseThrow();
            articles.insertRevision(h, updated, savedBy);
            return updated;
        });
        if (saved.isPublished()) {
            events.publish(new ArticlePublished(saved.id(), saved.translationGroupId(), saved.language()));
        }
        return saved;
    }

    /** Puts the article live. The first publication time is kept when an article is republished. */
    public Article publish(long id) {
        Article article = find(id);
        Instant publishedAt = article.publishedAt() != null ? article.publishedAt() : clock.instant();
        jdbi.useTransaction(h -> articles.setStatus(h, id, ArticleStatus.PUBLISHED, publishedAt));
        return announceLive(id);
    }

    /**
     * Puts archived content live as it was: published at a past time, with that time as its creation
     * and last edit (demo content, imports). Refused for times in the future; schedule those instead.
     */
    public Article publishArchived(long id, Instant publishedAt) {
        if (publishedAt.isAfter(clock.instant())) {
            throw ValidationException.of("published_at", "An archived article cannot be published in the future.");
        }
        find(id);
        jdbi.useTransaction(h -> {
            articles.setStatus(h, id, ArticleStatus.PUBLISHED, publishedAt);
            articles.backdate(h, id, publishedAt);
        });
        return announceLive(id);
    }

    private Article announceLive(long id) {
        Article live = find(id);
        events.publish(new ArticlePublished(live.id(), live.translationGroupId(), live.language()));
        return live;
    }

    /**
     * Pins the article to the top of its language's home page, or unpins it. A live article is
     * announced again when the flag changes, so cached home pages are purged at once.
     */
    public Article pin(long id, boolean pinned) {
        find(id);
        boolean changed = jdbi.inTransaction(h -> articles.setPinned(h, id, pinned));
        Article article = find(id);
        if (changed && article.isPublished()) {
            events.publish(new ArticlePublished(article.id(), article.translationGroupId(), article.language()));
        }
        return article;
    }

    public Article unpublish(long id) {
        Article article = find(id);
        jdbi.useTransaction(h -> articles.setStatus(h, id, ArticleStatus.UNPUBLISHED, article.publishedAt()));
        events.publish(new ArticleUnpublished(id, article.translationGroupId(), article.language()));
        return find(id);
    }

    public Article find(long id) {
        return articles.findById(id).orElseThrow(() -> new NotFoundException("No article " + id));
    }

    public Optional<Article> findPublished(String language, String slug) {
        return articles.findBySlug(language, slug).filter(Article::isPublished);
    }

    /** Newest first, pinned or not (feeds, indexing, archives). */
    public List<Article> latestPublished(String language, int limit, int offset) {
        return articles.latestPublished(language, limit, offset);
    }

    /** What a language's home page lists: its pinned published articles first, then the newest. */
    public List<Article> homePage(String language, int limit) {
        return articles.homePage(language, limit);
    }

    /** Every article of a translation group, whatever its status, oldest first. */
    public List<Article> translationGroup(long groupId) {
        return articles.inGroup(groupId);
    }

    public List<Integer> revisions(long articleId) {
        return articles.revisionNumbers(articleId);
    }

    public int count() {
        return articles.count();
    }

    /** The article with its section, tags and authors named in its own language. */
    public ArticleDetails details(Article article) {
        String lang = article.language();
        Optional<Section> section = article.sectionId() == null
                ? Optional.empty()
                : taxonomy.find(TaxonomyRepository.Kind.SECTION, article.sectionId(), lang)
                        .map(t -> new Section(t.id(), t.key(), lang, t.name(), t.slug()));
        List<Tag> tags = taxonomy.forArticle(TaxonomyRepository.Kind.TAG, article.id(), lang).stream()
                .map(t -> new Tag(t.id(), t.key(), lang, t.name(), t.slug()))
                .toList();
        List<Author> authors = taxonomy.forArticle(TaxonomyRepository.Kind.AUTHOR, article.id(), lang).stream()
                .map(t -> new Author(t.id(), t.key(), lang, t.name(), t.slug()))
                .toList();
        return new ArticleDetails(article, section, tags, authors);
    }

    /** The sections of several articles of one language, by article id, in one query (for lists). */
    public Map<Long, Section> sections(List<Article> list, String language) {
        var ids = list.stream()
                .map(Article::sectionId)
                .filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet());
        Map<Long, Section> byId = new java.util.HashMap<>();
        for (var t : taxonomy.findAll(TaxonomyRepository.Kind.SECTION, ids, language)) {
            byId.put(t.id(), new Section(t.id(), t.key(), language, t.name(), t.slug()));
        }
        Map<Long, Section> byArticle = new java.util.HashMap<>();
        for (Article a : list) {
            if (a.sectionId() != null && byId.containsKey(a.sectionId()))
                byArticle.put(a.id(), byId.get(a.sectionId()));
        }
        return byArticle;
    }

    /** Defines (or renames) a section; {@code names} maps language codes to names. */
    public long defineSection(String key, Map<String, String> names) {
        return changed("section", taxonomy.upsert(TaxonomyRepository.Kind.SECTION, key, key, names));
    }

    public long defineTag(String key, Map<String, String> names) {
        return changed("tag", taxonomy.upsert(TaxonomyRepository.Kind.TAG, key, key, names));
    }

    public long defineAuthor(String key, String name, Map<String, String> names) {
        return changed("author", taxonomy.upsert(TaxonomyRepository.Kind.AUTHOR, key, name, names));
    }

    private long changed(String kind, long id) {
        events.publish(new TaxonomyChanged(kind, id));
        return id;
    }

    private void validate(ArticleDraft draft) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (draft.language() == null || !site.publishesIn(draft.language())) {
            errors.put("language", "The site does not publish in '" + draft.language() + "'.");
        }
        if (draft.headline() == null || draft.headline().isBlank()) {
            errors.put("headline", "A headline is required.");
        } else if (draft.headline().length() > MAX_HEADLINE) {
            errors.put("headline", "A headline has at most " + MAX_HEADLINE + " characters.");
        }
        if (draft.slug() != null && !draft.slug().isBlank() && !Slug.isValid(draft.slug())) {
            errors.put(
                    "slug",
                    "A slug is lower-case letters and digits joined by single hyphens, at most " + Slug.MAX_LENGTH
                            + " characters.");
        }
        if (draft.standfirst() != null && draft.standfirst().length() > MAX_STANDFIRST) {
            errors.put("standfirst", "A standfirst has at most " + MAX_STANDFIRST + " characters.");
        }
        if (draft.body() == null) {
            errors.put("body", "A body is required (it may be empty while drafting).");
        } else if (draft.body().length() > MAX_BODY) {
            errors.put("body", "A body has at most " + MAX_BODY + " characters.");
        }
        if (!errors.isEmpty()) throw new ValidationException(errors);
    }

    private String chooseSlug(Handle h, ArticleDraft draft, Long articleId) {
        boolean given = draft.slug() != null && !draft.slug().isBlank();
        String base = given ? draft.slug() : Slug.of(draft.headline(), 8);
        if (base.isEmpty()) base = "article";
        if (!articles.slugTaken(h, draft.language(), base, articleId)) return base;
        if (given)
            throw ValidationException.of(
                    "slug", "Another " + draft.language() + " article already uses the slug '" + base + "'.");
        for (int n = 2; ; n++) {
            String candidate = base + "-" + n;
            if (!articles.slugTaken(h, draft.language(), candidate, articleId)) return candidate;
        }
    }

    private Long sectionId(Handle h, String key) {
        if (key == null || key.isBlank()) return null;
        return taxonomy.idOf(h, TaxonomyRepository.Kind.SECTION, key)
                .orElseThrow(() -> ValidationException.of("section", "There is no section '" + key + "'."));
    }

    private List<Long> termIds(Handle h, TaxonomyRepository.Kind kind, List<String> keys) {
        List<Long> ids = new ArrayList<>();
        for (String key : keys) {
            ids.add(taxonomy.idOf(h, kind, key)
                    .orElseThrow(() -> ValidationException.of(
                            kind.name().toLowerCase(java.util.Locale.ROOT),
                            "There is no " + kind.name().toLowerCase(java.util.Locale.ROOT) + " '" + key + "'.")));
        }
        return ids;
    }
}
