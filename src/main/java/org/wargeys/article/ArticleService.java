package org.wargeys.article;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.wargeys.media.MediaService;
import org.wargeys.platform.Actor;
import org.wargeys.platform.AuditLog;
import org.wargeys.platform.Database;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.Site;
import org.wargeys.platform.Transactions;
import org.wargeys.platform.Tx;
import org.wargeys.platform.ValidationException;

/**
 * The use cases on articles — write, save, publish, take down, pin — and the reads every feature
 * shares. Each write is one transaction with its revision and audit line; a change readers can see is
 * announced once, after the commit ({@link ArticleEvent}). Thread-safe.
 */
public final class ArticleService {

    private final Transactions transactions;
    private final ArticleRepository articles;
    private final TaxonomyRepository taxonomy;
    private final ArticleOrigins origins;
    private final ArticleReferences references;
    private final ArticleJournal journal;
    private final BodyRenderer bodies;
    private final MediaService media;
    private final AuditLog audit;
    private final Site site;
    private final Clock clock;

    ArticleService(
            Database database,
            Transactions transactions,
            ArticleJournal journal,
            ArticleOrigins origins,
            BodyRenderer bodies,
            MediaService media,
            AuditLog audit,
            Site site,
            Clock clock) {
        this.transactions = transactions;
        this.articles = new ArticleRepository(database.jdbi());
        this.taxonomy = new TaxonomyRepository(database.jdbi());
        this.origins = origins;
        this.journal = journal;
        this.references = new ArticleReferences(articles, taxonomy, media);
        this.bodies = bodies;
        this.media = media;
        this.audit = audit;
        this.site = site;
        this.clock = clock;
    }

    /** Creates a draft that starts a translation group of its own; the actor, if staff, is its creator. */
    public Article create(ArticleEdit edit, Actor actor) {
        return create(edit, null, actor);
    }

    public Article createDraft(ArticleDraft draft, Actor actor) {
        return create(ArticleEdit.of(draft), null, actor);
    }

    /**
     * Creates a draft in the given translation group (a translation of the articles in it). Refused if
     * the group already has an article in the draft's language.
     */
    public Article createTranslation(long translationGroupId, ArticleEdit edit, Actor actor) {
        return create(edit, translationGroupId, actor);
    }

    private Article create(ArticleEdit edit, Long groupId, Actor actor) {
        ValidationException.Collector errors = ArticleRules.problems(edit, site);
        ArticleDraft draft = edit.draft();
        String html = draft.body() == null ? "" : bodies.render(draft.bodyFormat(), draft.body());
        Instant now = clock.instant();
        return transactions.write(tx -> {
            Handle h = tx.handle();
            if (groupId != null
                    && articles.inGroup(h, groupId).stream()
                            .anyMatch(a -> a.language().equals(draft.language()))) {
                throw ValidationException.of(
                        "language", "article.error.language_taken", Map.of("language", draft.language()));
            }
            ArticleReferences.Resolved links = references.resolve(h, edit, errors);
            String slug = references.slug(h, draft, null);
            long group = groupId != null ? groupId : articles.insertGroup(h, draft.language(), now);
            long id = articles.insert(h, group, edit, slug, html, links.sectionId(), now);
            articles.replaceTags(h, id, links.tagIds());
            articles.replaceAuthors(h, id, links.authorIds());
            media.feature(h, id, edit.featuredImageId());
            if (groupId == null && actor.userId() != null) origins.recordCreator(h, id, actor.userId());
            Article created = articles.findById(h, id).orElseThrow();
            articles.insertRevision(h, created, actor.name());
            audit.record(tx, actor, "article.create", target(created), created.headline());
            if (created.pinned()) audit.record(tx, actor, "article.pin", target(created), created.headline());
            return created;
        });
    }

    /**
     * Saves the editor's form over an article — content, section, tags, bylines, search-engine fields,
     * featured image, pin and translation state — in one transaction with its revision and audit line.
     * {@code expectedRevision} is the revision the writer started from; if someone saved in between, the
     * save is refused ({@link EditConflictException}) rather than overwriting theirs. A live article is
     * announced once ({@link ArticleUpdated}).
     */
    public Article save(long id, int expectedRevision, ArticleEdit edit, Actor actor) {
        ValidationException.Collector errors = ArticleRules.problems(edit, site);
        ArticleDraft draft = edit.draft();
        // Rendering is the slow part: done before the transaction, so the write lock is held briefly.
        String html = draft.body() == null ? "" : bodies.render(draft.bodyFormat(), draft.body());
        Instant now = clock.instant();
        return transactions.write(tx -> {
            Handle h = tx.handle();
            Article current = find(h, id);
            if (!current.language().equals(draft.language())) {
                throw ValidationException.of("language", "article.error.language_fixed");
            }
            ArticleReferences.Resolved links = references.resolve(h, edit, errors);
            String slug = references.slug(h, draft, id);
            if (!articles.update(h, id, expectedRevision, edit, slug, html, links.sectionId(), now)) {
                throw new EditConflictException(id, expectedRevision);
            }
            articles.replaceTags(h, id, links.tagIds());
            articles.replaceAuthors(h, id, links.authorIds());
            media.feature(h, id, edit.featuredImageId());
            if (edit.pinned() != null && articles.setPinned(h, id, edit.pinned())) {
                audit.record(tx, actor, edit.pinned() ? "article.pin" : "article.unpin", target(current), null);
            }
            if (edit.sourceRevision() != null) origins.markUpToDate(h, id, edit.sourceRevision());
            Article saved = find(h, id);
            articles.insertRevision(h, saved, actor.name());
            audit.record(tx, actor, "article.save", target(saved), "revision " + saved.revision());
            tx.announce(new ArticleSaved(
                    saved.id(), saved.translationGroupId(), saved.language(), saved.revision(), actor.userId()));
            if (saved.isPublished()) journal.announce(tx, ArticleUpdated.of(saved));
            return saved;
        });
    }

    /**
     * Saves new content (with its section, tags and bylines) and leaves everything else as it is:
     * search-engine fields, featured image, pin (the importer's and the API's partial update).
     */
    public Article update(long id, int expectedRevision, ArticleDraft draft, Actor actor) {
        Article current = find(id);
        ArticleEdit edit =
                new ArticleEdit(draft, current.seoTitle(), current.seoDescription(), featuredImageId(id), null, null);
        return save(id, expectedRevision, edit, actor);
    }

    /** Sets (or, with null, removes) the article's featured image, audited; a live article is announced. */
    public Article feature(long id, Long mediaId, Actor actor) {
        return transactions.write(tx -> {
            Article article = find(tx.handle(), id);
            if (mediaId != null && !media.exists(tx.handle(), mediaId)) {
                throw ValidationException.of("featured_image", "article.error.image_unknown", Map.of("image", mediaId));
            }
            media.feature(tx.handle(), id, mediaId);
            audit.record(tx, actor, "article.feature", target(article), mediaId == null ? null : "media:" + mediaId);
            if (article.isPublished()) journal.announce(tx, ArticleUpdated.of(article));
            return article;
        });
    }

    /** Puts the article live now (or keeps it live). The first publication time is kept when it returns. */
    public Article publish(long id, Actor actor) {
        return transactions.write(tx -> {
            Article article = find(tx.handle(), id);
            if (article.isPublished()) return article;
            return goLive(tx, article, actor, "article.publish", null);
        });
    }

    /**
     * Puts archived content live as it was: published at a past time, with that time as its creation
     * and last edit (demo content, imports). Refused for times in the future; schedule those instead.
     */
    public Article publishArchived(long id, Instant publishedAt, Actor actor) {
        if (publishedAt.isAfter(clock.instant())) {
            throw ValidationException.of("published_at", "article.error.archived_in_future");
        }
        return transactions.write(tx -> {
            Article article = find(tx.handle(), id);
            if (!articles.changeStatus(tx.handle(), id, article.status(), ArticleStatus.PUBLISHED, publishedAt, null)) {
                throw new ConcurrentStatusChange(id);
            }
            articles.backdate(tx.handle(), id, publishedAt);
            Article live = find(tx.handle(), id);
            audit.record(tx, actor, "article.publish", target(live), "archived");
            journal.announce(tx, ArticlePublished.of(live));
            return live;
        });
    }

    /** Takes a live article down; nothing happens to one that is not live. */
    public Article unpublish(long id, Actor actor) {
        return transactions.write(tx -> {
            Article article = find(tx.handle(), id);
            if (!article.isPublished()) return article;
            return takeDown(tx, article, actor);
        });
    }

    /** Pins the article to the top of its language's home page, or unpins it. */
    public Article pin(long id, boolean pinned, Actor actor) {
        return transactions.write(tx -> {
            Article article = find(tx.handle(), id);
            if (!articles.setPinned(tx.handle(), id, pinned)) return article;
            Article changed = find(tx.handle(), id);
            audit.record(tx, actor, pinned ? "article.pin" : "article.unpin", target(changed), changed.headline());
            if (changed.isPublished()) journal.announce(tx, ArticleUpdated.of(changed));
            return changed;
        });
    }

    /**
     * Moves the article live on the caller's transaction: status, audit line, announcement.
     *
     * @param firstPublication the publication time if it was never live before; null for now
     */
    Article goLive(Tx tx, Article article, Actor actor, String action, Instant firstPublication) {
        Instant publishedAt = article.publishedAt() != null
                ? article.publishedAt()
                : firstPublication != null ? firstPublication : clock.instant();
        if (!articles.changeStatus(
                tx.handle(), article.id(), article.status(), ArticleStatus.PUBLISHED, publishedAt, null)) {
            throw new ConcurrentStatusChange(article.id());
        }
        Article live = find(tx.handle(), article.id());
        audit.record(tx, actor, action, target(live), live.headline());
        journal.announce(tx, ArticlePublished.of(live));
        return live;
    }

    /** Takes the article down on the caller's transaction. */
    Article takeDown(Tx tx, Article article, Actor actor) {
        if (!articles.changeStatus(
                tx.handle(),
                article.id(),
                ArticleStatus.PUBLISHED,
                ArticleStatus.UNPUBLISHED,
                article.publishedAt(),
                null)) {
            throw new ConcurrentStatusChange(article.id());
        }
        Article down = find(tx.handle(), article.id());
        audit.record(tx, actor, "article.unpublish", target(down), down.headline());
        journal.announce(tx, ArticleUnpublished.of(down));
        return down;
    }

    /** Moves the article to a status readers do not see (review, schedule, back to draft). */
    Article move(Tx tx, Article article, ArticleStatus to, Instant scheduledAt) {
        if (!articles.changeStatus(
                tx.handle(), article.id(), article.status(), to, article.publishedAt(), scheduledAt)) {
            throw new ConcurrentStatusChange(article.id());
        }
        return find(tx.handle(), article.id());
    }

    Article find(Handle h, long id) {
        return articles.findById(h, id).orElseThrow(() -> new NotFoundException("No article " + id));
    }

    static String target(Article article) {
        return "article:" + article.id();
    }

    // ---- Reads

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

    /** The id of the article's featured image, or null. */
    public Long featuredImageId(long articleId) {
        return media.featured(articleId).map(i -> i.id()).orElse(null);
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
        var ids = list.stream().map(Article::sectionId).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<Long, Section> byId = new HashMap<>();
        for (var t : taxonomy.findAll(TaxonomyRepository.Kind.SECTION, ids, language)) {
            byId.put(t.id(), new Section(t.id(), t.key(), language, t.name(), t.slug()));
        }
        Map<Long, Section> byArticle = new HashMap<>();
        for (Article a : list) {
            if (a.sectionId() != null && byId.containsKey(a.sectionId()))
                byArticle.put(a.id(), byId.get(a.sectionId()));
        }
        return byArticle;
    }

    // ---- Sections, tags and authors

    /** Defines (or renames) a section; {@code names} maps language codes to names. */
    public long defineSection(String key, Map<String, String> names, Actor actor) {
        return define(TaxonomyRepository.Kind.SECTION, key, key, names, actor);
    }

    public long defineTag(String key, Map<String, String> names, Actor actor) {
        return define(TaxonomyRepository.Kind.TAG, key, key, names, actor);
    }

    public long defineAuthor(String key, String name, Map<String, String> names, Actor actor) {
        return define(TaxonomyRepository.Kind.AUTHOR, key, name, names, actor);
    }

    private long define(
            TaxonomyRepository.Kind kind, String key, String defaultName, Map<String, String> names, Actor actor) {
        String code = kind.name().toLowerCase(java.util.Locale.ROOT);
        return transactions.write(tx -> {
            long id = taxonomy.upsert(tx.handle(), kind, key, defaultName, names);
            audit.record(tx, actor, code + ".define", key, String.valueOf(names));
            tx.announce(new TaxonomyChanged(code, id));
            return id;
        });
    }
}
