package org.wargeys.live;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.wargeys.account.User;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleOrigins;
import org.wargeys.article.ArticleService;
import org.wargeys.article.BodyFormat;
import org.wargeys.article.BodyRenderer;
import org.wargeys.article.Permissions;
import org.wargeys.media.MediaService;
import org.wargeys.platform.Actor;
import org.wargeys.platform.AuditLog;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.Transactions;
import org.wargeys.platform.ValidationException;

/**
 * The use cases of live blogs: an editor turns an article live and closes the coverage; staff on the
 * article post, edit and delete entries; translators translate source entries into their language.
 * Each is one transaction with its audit line, announcing {@link LiveBlogChanged} after the commit.
 * Thread-safe.
 */
public final class LiveBlogs {

    static final int MAX_TEXT = 10_000;
    static final int MAX_QUOTE = 500;
    static final int MAX_ALT = 500;

    private final Jdbi jdbi;
    private final Transactions transactions;
    private final ArticleService articles;
    private final ArticleOrigins origins;
    private final BodyRenderer bodies;
    private final MediaService media;
    private final AuditLog audit;
    private final Clock clock;
    private final LiveReads reads;

    LiveBlogs(
            Jdbi jdbi,
            Transactions transactions,
            ArticleService articles,
            ArticleOrigins origins,
            BodyRenderer bodies,
            MediaService media,
            AuditLog audit,
            Clock clock,
            LiveReads reads) {
        this.jdbi = jdbi;
        this.transactions = transactions;
        this.articles = articles;
        this.origins = origins;
        this.bodies = bodies;
        this.media = media;
        this.audit = audit;
        this.clock = clock;
        this.reads = reads;
    }

    // ---- Coverage

    /** Turns the article's translation group live (or live again, keeping its first start time). */
    public LiveBlog start(long articleId, User user, Actor actor) {
        if (!Permissions.mayRunLive(user)) throw new LiveRefused("Only editors turn an article live");
        Instant now = clock.instant();
        return transactions.write(tx -> {
            Article article = articles.find(tx, articleId);
            Optional<LiveBlog> existing = reads.blog(tx.handle(), article.translationGroupId());
            if (existing.isPresent()) {
                tx.handle()
                        .createUpdate("UPDATE live_blogs SET ended_at = NULL WHERE translation_group_id = :g")
                        .bind("g", article.translationGroupId())
                        .execute();
            } else {
                // The group's source (its first article) carries the coverage, whichever article the
                // editor turned live from.
                Article source = articles.translationGroup(tx, article.translationGroupId())
                        .get(0);
                tx.handle()
                        .createUpdate(
                                "INSERT INTO live_blogs (translation_group_id, article_id, started_at) VALUES (:g, :a, :now)")
                        .bind("g", article.translationGroupId())
                        .bind("a", source.id())
                        .bind("now", now.toEpochMilli())
                        .execute();
            }
            audit.record(tx, actor, "live.start", target(article), null);
            tx.announce(changed(article, 0, "started"));
            return reads.blog(tx.handle(), article.translationGroupId()).orElseThrow();
        });
    }

    /** Closes the coverage: the pages become ordinary articles (entries stay, readers stop polling). */
    public LiveBlog end(long articleId, User user, Actor actor) {
        if (!Permissions.mayRunLive(user)) throw new LiveRefused("Only editors close live coverage");
        Instant now = clock.instant();
        return transactions.write(tx -> {
            Article article = articles.find(tx, articleId);
            LiveBlog blog = live(tx.handle(), article);
            if (!blog.isLive()) return blog;
            tx.handle()
                    .createUpdate("UPDATE live_blogs SET ended_at = :now WHERE translation_group_id = :g")
                    .bind("now", now.toEpochMilli())
                    .bind("g", blog.translationGroupId())
                    .execute();
            audit.record(tx, actor, "live.end", target(article), null);
            tx.announce(changed(article, 0, "ended"));
            return reads.blog(tx.handle(), article.translationGroupId()).orElseThrow();
        });
    }

    /** Whether each language shows the source entries it has no translation of yet, with their language. */
    public LiveBlog showOriginals(long articleId, boolean show, User user, Actor actor) {
        if (!Permissions.mayRunLive(user)) throw new LiveRefused("Only editors choose to show originals");
        return transactions.write(tx -> {
            Article article = articles.find(tx, articleId);
            LiveBlog blog = live(tx.handle(), article);
            tx.handle()
                    .createUpdate("UPDATE live_blogs SET show_originals = :s WHERE translation_group_id = :g")
                    .bind("s", show ? 1 : 0)
                    .bind("g", blog.translationGroupId())
                    .execute();
            audit.record(tx, actor, show ? "live.originals_shown" : "live.originals_hidden", target(article), null);
            tx.announce(changed(article, 0, "originals"));
            return reads.blog(tx.handle(), article.translationGroupId()).orElseThrow();
        });
    }

    // ---- Entries

    /** Posts a source entry on the live article (the group's source language). */
    public LiveEntry post(long articleId, LiveEntryDraft draft, User user, Actor actor) {
        Prepared prepared = prepare(draft);
        Instant now = clock.instant();
        return transactions.write(tx -> {
            Article article = articles.find(tx, articleId);
            mayPost(user, article);
            LiveBlog blog = live(tx.handle(), article);
            if (!blog.isLive()) throw ValidationException.of("text", "live.error.not_live");
            if (!article.language().equals(blog.sourceLanguage())) {
                throw ValidationException.of("text", "live.error.post_in_source");
            }
            prepared.checkImage(tx.handle(), article.language());
            long id = insert(tx.handle(), blog, article, null, prepared, user, now);
            audit.record(tx, actor, "live.post", target(article), "entry " + id);
            tx.announce(changed(article, id, "posted"));
            return reads.entry(tx.handle(), id).orElseThrow();
        });
    }

    /** Translates a source entry into the language of a translation of the live article. */
    public LiveEntry translate(
            long translationArticleId, long sourceEntryId, LiveEntryDraft draft, User user, Actor actor) {
        Prepared prepared = prepare(draft);
        Instant now = clock.instant();
        return transactions.write(tx -> {
            Article article = articles.find(tx, translationArticleId);
            mayPost(user, article);
            LiveBlog blog = live(tx.handle(), article);
            LiveEntry source = reads.entry(tx.handle(), sourceEntryId)
                    .filter(e -> !e.isTranslation())
                    .orElseThrow(() -> new NotFoundException("No source entry " + sourceEntryId));
            if (reads.groupOf(tx.handle(), sourceEntryId) != blog.translationGroupId()
                    || article.language().equals(blog.sourceLanguage())) {
                throw new NotFoundException("Entry " + sourceEntryId + " is not of this translation's live blog");
            }
            if (reads.translationOf(tx.handle(), sourceEntryId, article.language())
                    .isPresent()) {
                throw ValidationException.of("text", "live.error.already_translated");
            }
            // The image stays the source's unless the translator chose another; its alt text is this language's.
            Prepared withImage = prepared.mediaId == null && source.mediaId() != null
                    ? prepared.withImage(source.mediaId())
                    : prepared;
            withImage.checkImage(tx.handle(), article.language());
            long id = insert(tx.handle(), blog, article, source, withImage, user, now);
            audit.record(tx, actor, "live.translate", target(article), "entry " + id + " of " + sourceEntryId);
            tx.announce(changed(article, id, "posted"));
            return reads.entry(tx.handle(), id).orElseThrow();
        });
    }

    /** Rewrites an entry (its author and time stay; the edit time shows). */
    public LiveEntry edit(long entryId, LiveEntryDraft draft, User user, Actor actor) {
        Prepared prepared = prepare(draft);
        Instant now = clock.instant();
        return transactions.write(tx -> {
            LiveEntry entry =
                    reads.entry(tx.handle(), entryId).orElseThrow(() -> new NotFoundException("No entry " + entryId));
            Article article = articles.find(tx, entry.articleId());
            mayPost(user, article);
            prepared.checkImage(tx.handle(), article.language());
            tx.handle()
                    .createUpdate("""
                            UPDATE live_entries SET body = :body, body_html = :html, quote = :quote, media_id = :media,
                                image_alt = :alt, key_event = :key, edited_at = :now WHERE id = :id""")
                    .bind("body", prepared.text)
                    .bind("html", prepared.html)
                    .bind("quote", prepared.quote)
                    .bind("media", prepared.mediaId)
                    .bind("alt", prepared.alt)
                    .bind("key", prepared.keyEvent ? 1 : 0)
                    .bind("now", now.toEpochMilli())
                    .bind("id", entryId)
                    .execute();
            audit.record(tx, actor, "live.edit", target(article), "entry " + entryId);
            tx.announce(changed(article, entryId, "edited"));
            return reads.entry(tx.handle(), entryId).orElseThrow();
        });
    }

    /** Deletes an entry; a source entry takes its translations with it. */
    public void delete(long entryId, User user, Actor actor) {
        transactions.write(tx -> {
            LiveEntry entry =
                    reads.entry(tx.handle(), entryId).orElseThrow(() -> new NotFoundException("No entry " + entryId));
            Article article = articles.find(tx, entry.articleId());
            mayPost(user, article);
            // Translations first: not every SQLite connection is sure to cascade (foreign keys per connection).
            tx.handle()
                    .createUpdate("DELETE FROM live_entries WHERE source_entry_id = :id")
                    .bind("id", entryId)
                    .execute();
            tx.handle()
                    .createUpdate("DELETE FROM live_entries WHERE id = :id")
                    .bind("id", entryId)
                    .execute();
            audit.record(tx, actor, "live.delete", target(article), "entry " + entryId);
            tx.announce(changed(article, entryId, "deleted"));
            return null;
        });
    }

    // ---- Parts

    private void mayPost(User user, Article article) {
        if (!Permissions.mayPostLive(user, article, origins.find(article.id()))) {
            throw new LiveRefused("User " + user.id() + " may not post on article " + article.id());
        }
    }

    private LiveBlog live(Handle h, Article article) {
        return reads.blog(h, article.translationGroupId())
                .orElseThrow(() -> ValidationException.of("text", "live.error.not_live"));
    }

    private long insert(
            Handle h, LiveBlog blog, Article article, LiveEntry source, Prepared p, User user, Instant now) {
        long id = h.createQuery("""
                        INSERT INTO live_entries (translation_group_id, article_id, language, source_entry_id, thread_id,
                            body, body_html, quote, media_id, image_alt, key_event, author_id, author_name, posted_at)
                        VALUES (:g, :a, :lang, :source, :thread, :body, :html, :quote, :media, :alt, :key, :author,
                            :name, :now) RETURNING id""")
                .bind("g", blog.translationGroupId())
                .bind("a", article.id())
                .bind("lang", article.language())
                .bind("source", source == null ? null : source.id())
                .bind("thread", source == null ? null : source.id())
                .bind("body", p.text)
                .bind("html", p.html)
                .bind("quote", p.quote)
                .bind("media", p.mediaId)
                .bind("alt", p.alt)
                // A translation keeps its source's key-event mark unless the translator set it.
                .bind("key", p.keyEvent || (source != null && source.keyEvent()) ? 1 : 0)
                .bind("author", user.id())
                .bind("name", user.displayName())
                .bind("now", now.toEpochMilli())
                .mapTo(Long.class)
                .one();
        if (source == null) {
            h.createUpdate("UPDATE live_entries SET thread_id = id WHERE id = :id")
                    .bind("id", id)
                    .execute();
        }
        return id;
    }

    /** The draft checked and rendered before the transaction (Markdown rendering is slow work). */
    private final class Prepared {
        final String text;
        final String html;
        final String quote;
        final Long mediaId;
        final String alt;
        final boolean keyEvent;

        Prepared(String text, String html, String quote, Long mediaId, String alt, boolean keyEvent) {
            this.text = text;
            this.html = html;
            this.quote = quote;
            this.mediaId = mediaId;
            this.alt = alt;
            this.keyEvent = keyEvent;
        }

        Prepared withImage(long id) {
            return new Prepared(text, html, quote, id, alt, keyEvent);
        }

        void checkImage(Handle h, String language) {
            if (mediaId == null) return;
            if (!media.exists(h, mediaId)) throw ValidationException.of("media", "live.error.image_unknown");
            boolean described = media.text(h, mediaId, language)
                    .map(t -> t.alt() != null && !t.alt().isBlank())
                    .orElse(false);
            if (alt == null && !described) throw ValidationException.of("alt", "live.error.image_alt_required");
        }
    }

    private Prepared prepare(LiveEntryDraft draft) {
        var errors = ValidationException.collector();
        String text = draft.text() == null ? "" : draft.text().strip();
        if (text.isEmpty()) errors.add("text", "live.error.text_required");
        if (text.length() > MAX_TEXT) errors.add("text", "live.error.text_too_long", Map.of("max", MAX_TEXT));
        String quote = blankToNull(draft.quote());
        if (quote != null && quote.length() > MAX_QUOTE) {
            errors.add("quote", "live.error.quote_too_long", Map.of("max", MAX_QUOTE));
        }
        String alt = blankToNull(draft.imageAlt());
        if (alt != null && alt.length() > MAX_ALT) errors.add("alt", "live.error.alt_too_long", Map.of("max", MAX_ALT));
        errors.throwIfAny();
        String html = bodies.render(BodyFormat.MARKDOWN, text);
        if (html.isBlank()) throw ValidationException.of("text", "live.error.text_required");
        return new Prepared(text, html, quote, draft.mediaId(), alt, draft.keyEvent());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String target(Article article) {
        return "article:" + article.id();
    }

    private static LiveBlogChanged changed(Article article, long entryId, String change) {
        return new LiveBlogChanged(article.translationGroupId(), article.id(), article.language(), entryId, change);
    }

    /** How many entries the group has in all languages (the benchmark's check). */
    public long count(long translationGroupId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM live_entries WHERE translation_group_id = :g")
                .bind("g", translationGroupId)
                .mapTo(Long.class)
                .one());
    }
}
