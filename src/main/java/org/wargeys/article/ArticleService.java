package org.wargeys.article;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.wargeys.account.User;
import org.wargeys.media.Image;
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
    private final LongFunction<Optional<User>> users;

    ArticleService(
            Database database,
            Transactions transactions,
            ArticleJournal journal,
            ArticleOrigins origins,
            BodyRenderer bodies,
            MediaService media,
            AuditLog audit,
            Site site,
            Clock clock,
            LongFunction<Optional<User>> users) {
        this.transactions = transactions;
        this.users = users;
        this.articles = new ArticleRepository(database.jdbi());
        this.taxonomy = new TaxonomyRepository(database.jdbi());
        this.origins = origins;
        this.journal = journal;
        this.references = new ArticleReferences(articles, taxonomy, media, users);
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
        NewTerms may = NewTerms.of(staff(actor));
        Instant now = clock.instant();
        return transactions.write(tx -> {
            Handle h = tx.handle();
            if (groupId != null
                    && articles.inGroup(h, groupId).stream()
                            .anyMatch(a -> a.language().equals(draft.language()))) {
                throw ValidationException.of(
                        "language", "article.error.language_taken", Map.of("language", draft.language()));
            }
            ArticleReferences.Resolved links = references.resolve(h, edit, errors, may);
            String slug = references.slug(h, draft, null);
            long group = groupId != null ? groupId : articles.insertGroup(h, draft.language(), now);
            long id = articles.insert(h, group, edit, slug, html, links.sectionId(), now);
            articles.replaceTags(h, id, links.tagIds());
            articles.replaceAuthors(h, id, links.authorIds());
            taxonomy.replaceProposals(
                    h, id, draft.language(), links.proposedTags(), actor.userId(), now.toEpochMilli());
            media.feature(h, id, edit.featuredImageId());
            describeFeatured(tx, id, draft.language(), edit, may);
            if (edit.sourceSegments() != null) origins.replaceSegments(h, id, edit.sourceSegments());
            if (groupId == null && actor.userId() != null) origins.recordCreator(h, id, actor.userId());
            Article created = articles.findById(h, id).orElseThrow();
            articles.insertRevision(h, created, actor.name());
            audit.record(tx, actor, "article.create", target(created), created.headline());
            auditCreated(tx, actor, links);
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
        return save(id, expectedRevision, edit, actor, false);
    }

    /**
     * A save as above. An {@code autosave} of a draft by the person who autosaved it last, within
     * {@link #AUTOSAVE_WINDOW}, replaces that autosave's revision instead of adding one: the editor
     * saves every few seconds, and the history keeps what a person would call a version.
     */
    public Article save(long id, int expectedRevision, ArticleEdit edit, Actor actor, boolean autosave) {
        ValidationException.Collector errors = ArticleRules.problems(edit, site);
        ArticleDraft draft = edit.draft();
        // Rendering is the slow part: done before the transaction, so the write lock is held briefly.
        String html = draft.body() == null ? "" : bodies.render(draft.bodyFormat(), draft.body());
        NewTerms may = NewTerms.of(staff(actor));
        Instant now = clock.instant();
        return transactions.write(tx -> {
            Handle h = tx.handle();
            Article current = find(h, id);
            if (!current.language().equals(draft.language())) {
                throw ValidationException.of("language", "article.error.language_fixed");
            }
            if (current.status() != ArticleStatus.DRAFT) ArticleRules.requireHeadline(draft, errors);
            ArticleReferences.Resolved links = references.resolve(h, edit, errors, may);
            String slug = references.slug(h, draft, id);
            if (!articles.update(h, id, expectedRevision, edit, slug, html, links.sectionId(), now)) {
                throw new EditConflictException(id, expectedRevision);
            }
            articles.replaceTags(h, id, links.tagIds());
            articles.replaceAuthors(h, id, links.authorIds());
            taxonomy.replaceProposals(
                    h, id, draft.language(), links.proposedTags(), actor.userId(), now.toEpochMilli());
            media.feature(h, id, edit.featuredImageId());
            describeFeatured(tx, id, draft.language(), edit, may);
            if (edit.pinned() != null && articles.setPinned(h, id, edit.pinned())) {
                audit.record(tx, actor, edit.pinned() ? "article.pin" : "article.unpin", target(current), null);
            }
            if (edit.sourceRevision() != null) origins.markUpToDate(h, id, edit.sourceRevision());
            if (edit.sourceSegments() != null) origins.replaceSegments(h, id, edit.sourceSegments());
            // Saved for real: this person's unsaved copy of the article (see ArticleAutosaves) is spent.
            if (actor.userId() != null) ArticleAutosaves.discard(h, id, actor.userId());
            Article saved = find(h, id);
            boolean replaced = autosave
                    && current.status() == ArticleStatus.DRAFT
                    && articles.replaceAutosavedRevision(
                            h, saved, expectedRevision, actor.name(), now.minus(AUTOSAVE_WINDOW));
            if (!replaced) articles.insertRevision(h, saved, actor.name(), autosave);
            if (!replaced || !autosave) {
                audit.record(tx, actor, "article.save", target(saved), "revision " + saved.revision());
            }
            auditCreated(tx, actor, links);
            tx.announce(new ArticleSaved(
                    saved.id(), saved.translationGroupId(), saved.language(), saved.revision(), actor.userId()));
            if (saved.isPublished()) journal.announce(tx, ArticleUpdated.of(saved));
            return saved;
        });
    }

    /** How long a run of autosaves by one person counts as one revision. */
    static final java.time.Duration AUTOSAVE_WINDOW = java.time.Duration.ofMinutes(10);

    private Optional<User> staff(Actor actor) {
        return actor.userId() == null ? Optional.empty() : users.apply(actor.userId());
    }

    private void auditCreated(Tx tx, Actor actor, ArticleReferences.Resolved links) {
        for (String term : links.created()) {
            audit.record(tx, actor, term.startsWith("tag:") ? "tag.define" : "author.define", term, null);
        }
    }

    /**
     * Writes the featured image's alt text and caption in the article's language, if they changed. An
     * image other articles show keeps its text unless an editor changes it (or it has none in this
     * language yet): one writer does not rewrite another article's caption.
     */
    private void describeFeatured(Tx tx, long articleId, String language, ArticleEdit edit, NewTerms may) {
        if (edit.featuredImageId() == null || edit.featuredText() == null) return;
        Image.Text text = edit.featuredText();
        long mediaId = edit.featuredImageId();
        Optional<Image.Text> now = media.text(tx.handle(), mediaId, language);
        // A blank field keeps what the image has (a form without script posts them blank when an image is
        // chosen by its number): texts are written, never wiped, from the article's form.
        String alt = text.alt() == null || text.alt().isBlank()
                ? now.map(Image.Text::alt).orElse("")
                : text.alt().strip();
        String caption = text.caption() == null || text.caption().isBlank()
                ? now.map(Image.Text::caption).orElse(null)
                : text.caption().strip();
        if (now.isPresent()
                && now.get().alt().equals(alt)
                && java.util.Objects.equals(now.get().caption(), caption)) return;
        if (now.isEmpty() && alt.isEmpty() && caption == null) return;
        boolean editor = may.user().map(Permissions::isEditor).orElse(false);
        boolean shared = media.featuredIn(tx.handle(), mediaId).stream().anyMatch(a -> a != articleId);
        if (!editor && shared && now.isPresent()) {
            throw ValidationException.of("featured_alt", "article.error.image_text_shared");
        }
        media.describeIn(tx.handle(), mediaId, language, alt, caption);
        tx.announce(new org.wargeys.media.ImageDescribed(mediaId));
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

    /**
     * Refuses a step that would show the article to an editor or to readers before it is ready: it has
     * a headline and, to go live, alt text for its featured image and every image in its body, in its
     * own language (a translation's readers need theirs). Every problem is reported at once.
     */
    void checkReady(Handle h, Article article, boolean goingLive) {
        ValidationException.Collector errors = ValidationException.collector();
        if (article.headline().isBlank()) errors.add("headline", "article.error.headline_required");
        if (goingLive) {
            Optional<Long> featured = media.featuredId(h, article.id());
            if (featured.isPresent()
                    && media.text(h, featured.get(), article.language())
                            .map(t -> t.alt().isBlank())
                            .orElse(true)) {
                errors.add("featured_alt", "article.error.featured_alt_required");
            }
            long missing = BodyBlocks.of(article.bodyHtml()).stream()
                    .filter(b -> b.imageSrc() != null)
                    .filter(b -> org.jsoup.Jsoup.parseBodyFragment(b.html()).select("img").stream()
                            .anyMatch(img -> img.attr("alt").isBlank()))
                    .count();
            if (missing > 0) errors.add("body", "article.error.body_alt_required", Map.of("count", missing));
        }
        errors.throwIfAny();
    }

    Article find(Handle h, long id) {
        return articles.findById(h, id).orElseThrow(() -> new NotFoundException("No article " + id));
    }

    static String target(Article article) {
        return "article:" + article.id();
    }

    // ---- Reads

    /**
     * The article as the use case's transaction sees it (its own uncommitted changes included): for
     * what is written on that transaction about a change, such as a webhook's payload.
     */
    public Article find(Tx tx, long id) {
        return find(tx.handle(), id);
    }

    /** Every article of a translation group as the transaction sees it, oldest first. */
    public List<Article> translationGroup(Tx tx, long groupId) {
        return articles.inGroup(tx.handle(), groupId);
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

    /**
     * The published ones among the {@code limit} articles of every language after {@code afterId}, by
     * id, with their sections, tags and authors: a keyset walk over all of them in four queries a
     * batch (indexing).
     */
    public Stretch publishedDetailsAfter(long afterId, int limit) {
        List<Article> next = articles.after(afterId, limit);
        long last = next.isEmpty() ? 0 : next.get(next.size() - 1).id();
        return new Stretch(
                withDetails(next.stream().filter(Article::isPublished).toList()), last, next.size() == limit);
    }

    /**
     * The published articles among the next ones by id, with their details; where the walk goes on
     * from ({@code lastId}), and whether there may be more after it.
     */
    public record Stretch(List<ArticleDetails> published, long lastId, boolean more) {}

    /** Those of the articles that are published, by id, with their sections, tags and authors (four queries). */
    public List<ArticleDetails> publishedDetails(java.util.Collection<Long> ids) {
        return withDetails(articles.publishedAmong(ids));
    }

    private List<ArticleDetails> withDetails(List<Article> batch) {
        var ids = batch.stream().map(Article::id).toList();
        var sections = taxonomy.forArticles(TaxonomyRepository.Kind.SECTION, ids);
        var tags = taxonomy.forArticles(TaxonomyRepository.Kind.TAG, ids);
        var authors = taxonomy.forArticles(TaxonomyRepository.Kind.AUTHOR, ids);
        return batch.stream()
                .map(a -> new ArticleDetails(
                        a,
                        sections.getOrDefault(a.id(), List.of()).stream()
                                .findFirst()
                                .map(t -> new Section(t.id(), t.key(), t.language(), t.name(), t.slug())),
                        tags.getOrDefault(a.id(), List.of()).stream()
                                .map(t -> new Tag(t.id(), t.key(), t.language(), t.name(), t.slug()))
                                .toList(),
                        authors.getOrDefault(a.id(), List.of()).stream()
                                .map(t -> new Author(t.id(), t.key(), t.language(), t.name(), t.slug()))
                                .toList()))
                .toList();
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

    public int countPublished() {
        return articles.countPublished();
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

    /** The longest name of a section, tag or author in one language. */
    public static final int MAX_TERM_NAME = 200;

    /**
     * Defines (or renames) an author with their X account ({@link XHandle#parse}: with or without the @;
     * blank clears it), in one transaction.
     */
    public long defineAuthor(String key, String name, Map<String, String> names, String xHandle, Actor actor) {
        String handle = XHandle.parse("x_handle", xHandle).orElse(null);
        return transactions.write(tx -> {
            long id = taxonomy.upsert(tx.handle(), TaxonomyRepository.Kind.AUTHOR, key, name, names);
            taxonomy.setXHandle(tx.handle(), id, handle);
            audit.record(tx, actor, "author.define", key, names + (handle == null ? "" : " @" + handle));
            tx.announce(new TaxonomyChanged("author", id));
            return id;
        });
    }

    /** The X accounts of those of these authors who have one, by author id (for twitter:creator). */
    public Map<Long, String> authorXHandles(java.util.Collection<Long> authorIds) {
        return taxonomy.xHandles(authorIds);
    }

    /** Every author's X account, by author key (for the newsroom). */
    public Map<String, String> authorXHandles() {
        return taxonomy.xHandlesByKey();
    }

    /**
     * An editor's answer to a tag authors proposed (by name, in one language): a new tag named so
     * ({@code intoKey} null), or the existing tag {@code intoKey}, given to every article that asked for
     * it. One transaction, audited; live articles are announced.
     */
    public void acceptProposal(String language, String name, String intoKey, Actor actor) {
        transactions.run(tx -> {
            Handle h = tx.handle();
            List<Long> ids = h.createQuery("SELECT article_id FROM tag_proposals WHERE language = :l AND name = :n")
                    .bind("l", language)
                    .bind("n", name)
                    .mapTo(Long.class)
                    .list();
            long tagId;
            if (intoKey == null || intoKey.isBlank()) {
                tagId = taxonomy.idByName(h, TaxonomyRepository.Kind.TAG, language, name)
                        .orElseGet(() -> taxonomy.insertTag(
                                h, taxonomy.freeKey(h, TaxonomyRepository.Kind.TAG, Slug.of(name, 8)), language, name));
            } else {
                tagId = taxonomy.idOf(h, TaxonomyRepository.Kind.TAG, intoKey)
                        .orElseThrow(() ->
                                ValidationException.of("tag", "article.error.tags_unknown", Map.of("keys", intoKey)));
            }
            for (long articleId : ids) {
                h.createUpdate("""
                                INSERT INTO article_tags (article_id, tag_id, position)
                                SELECT :a, :t, COALESCE(MAX(position), -1) + 1 FROM article_tags WHERE article_id = :a
                                ON CONFLICT (article_id, tag_id) DO NOTHING""").bind("a", articleId).bind("t", tagId).execute();
            }
            h.createUpdate("DELETE FROM tag_proposals WHERE language = :l AND name = :n")
                    .bind("l", language)
                    .bind("n", name)
                    .execute();
            audit.record(tx, actor, "tag.accept", "tag:" + tagId, language + ":" + name);
            announceAll(tx, ids);
        });
    }

    /** Turns a proposed tag down: the articles that asked for it go without. */
    public void rejectProposal(String language, String name, Actor actor) {
        transactions.run(tx -> {
            tx.handle()
                    .createUpdate("DELETE FROM tag_proposals WHERE language = :l AND name = :n")
                    .bind("l", language)
                    .bind("n", name)
                    .execute();
            audit.record(tx, actor, "tag.reject", null, language + ":" + name);
        });
    }

    /**
     * Merges one tag into another: its articles get the other tag and it is gone (its address then
     * answers 404). One transaction, audited; live articles are announced.
     */
    public void mergeTags(String fromKey, String intoKey, Actor actor) {
        transactions.run(tx -> {
            Handle h = tx.handle();
            long from = taxonomy.idOf(h, TaxonomyRepository.Kind.TAG, fromKey)
                    .orElseThrow(() ->
                            ValidationException.of("from", "article.error.tags_unknown", Map.of("keys", fromKey)));
            long into = taxonomy.idOf(h, TaxonomyRepository.Kind.TAG, intoKey)
                    .orElseThrow(() ->
                            ValidationException.of("into", "article.error.tags_unknown", Map.of("keys", intoKey)));
            if (from == into) throw ValidationException.of("into", "article.error.merge_same");
            List<Long> ids = h.createQuery("SELECT article_id FROM article_tags WHERE tag_id = :t")
                    .bind("t", from)
                    .mapTo(Long.class)
                    .list();
            for (long articleId : ids) {
                h.createUpdate("""
                                INSERT INTO article_tags (article_id, tag_id, position)
                                SELECT article_id, :into, position FROM article_tags WHERE article_id = :a AND tag_id = :from
                                ON CONFLICT (article_id, tag_id) DO NOTHING""")
                        .bind("a", articleId)
                        .bind("into", into)
                        .bind("from", from)
                        .execute();
            }
            h.createUpdate("DELETE FROM article_tags WHERE tag_id = :t")
                    .bind("t", from)
                    .execute();
            h.createUpdate("DELETE FROM tags WHERE id = :t").bind("t", from).execute();
            audit.record(tx, actor, "tag.merge", "tag:" + into, fromKey + " into " + intoKey);
            tx.announce(new TaxonomyChanged("tag", from));
            tx.announce(new TaxonomyChanged("tag", into));
            announceAll(tx, ids);
        });
    }

    private void announceAll(Tx tx, List<Long> articleIds) {
        for (long id : articleIds) {
            Article a = find(tx.handle(), id);
            if (a.isPublished()) journal.announce(tx, ArticleUpdated.of(a));
        }
    }

    private long define(
            TaxonomyRepository.Kind kind, String key, String defaultName, Map<String, String> names, Actor actor) {
        String code = kind.name().toLowerCase(java.util.Locale.ROOT);
        // The rules the newsroom's form and the API share, worded by the same message keys.
        if (key == null || !Slug.isValid(key)) throw ValidationException.of("key", "newsroom.taxonomy.error.key");
        // An author has a name of their own; a section or tag is named in at least one language.
        if (kind == TaxonomyRepository.Kind.AUTHOR && (defaultName == null || defaultName.isBlank())) {
            throw ValidationException.of("names", "newsroom.taxonomy.error.names_required");
        }
        if (names == null || (names.isEmpty() && kind != TaxonomyRepository.Kind.AUTHOR)) {

            throw ValidationException.of("names", "newsroom.taxonomy.error.names_required");
        }

        for (var entry : names.entrySet()) {
            if (!site.publishesIn(entry.getKey())) {
                throw ValidationException.of(
                        "names", "article.error.language_unknown", Map.of("language", entry.getKey()));
            }
            if (entry.getValue() == null || entry.getValue().isBlank()) {
                throw ValidationException.of("names", "newsroom.taxonomy.error.names_required");
            }
            if (entry.getValue().length() > MAX_TERM_NAME) {
                throw ValidationException.of(
                        "names", "newsroom.taxonomy.error.name_too_long", Map.of("max", MAX_TERM_NAME));
            }
        }
        return transactions.write(tx -> {
            for (var entry : names.entrySet()) {
                // Checked here rather than left to the unique index: a failed statement would end the
                // transaction on PostgreSQL, and the writer deserves the field and the reason.
                if (taxonomy.slugTaken(tx.handle(), kind, entry.getKey(), Slug.of(entry.getValue(), 8), key)) {
                    throw ValidationException.of("names", "newsroom.taxonomy.error.name_taken");
                }
            }
            long id = taxonomy.upsert(tx.handle(), kind, key, defaultName, names);
            audit.record(tx, actor, code + ".define", key, String.valueOf(names));
            tx.announce(new TaxonomyChanged(code, id));
            return id;
        });
    }
}
