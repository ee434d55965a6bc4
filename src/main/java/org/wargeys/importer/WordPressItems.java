package org.wargeys.importer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wargeys.article.ArticlePublished;
import org.wargeys.article.ArticleStatus;
import org.wargeys.article.BodyFormat;
import org.wargeys.article.BodyRenderer;
import org.wargeys.media.Image;
import org.wargeys.platform.Site;

/**
 * Maps the parts of one WordPress export, as the reader hands them over, onto the site: authors,
 * categories (sections) and tags, posts and pages (articles), attachments (media), featured images
 * (into the media library), translation groups (Polylang, WPML), old addresses (redirects) and Social
 * Snap share counts. Holds only the terms in memory ({@link WordPressTerms}), and the ids of what must
 * wait for the end of the file ({@link ImportedGalleries}, {@link ImportedFeaturedImages}: their
 * attachments may come after the post); items are written as they come. Not thread-safe: one per
 * import.
 */
final class WordPressItems implements WxrReader.Listener {

    static final int MAX_BODY = 1_000_000;
    private static final Pattern MEDIA_URL = Pattern.compile(
            "(?:src|href)=\"(https?://[^\"]*(?:/wp-content/uploads/|\\.files\\.wordpress\\.com/)[^\"]*)\"");

    private final ImportStore store;
    private final ImportRecords records;
    private final BodyRenderer bodies;
    private final Site site;
    private final Clock clock;
    private final MediaCopier media;
    private final List<ArticlePublished> live;
    private final WordPressContent content = new WordPressContent();
    private final ImportedAttachments attachments;
    private final ImportedTranslationGroups translationGroups;
    private final ImportedGalleries galleries;
    private final ImportedFeaturedImages featuredImages;

    private String source = "wordpress";
    private String defaultLanguage;
    private final Map<String, String> authors = new HashMap<>();
    private final WordPressTerms terms = new WordPressTerms();

    private final Set<Long> announced = new java.util.HashSet<>();

    private int imported;
    private int updated;
    private int unchanged;
    private int redirects;
    private final List<ImportReport.Skip> skipped = new ArrayList<>();
    private final List<ImportReport.Note> notes = new ArrayList<>();
    private final Set<String> externalMedia = new LinkedHashSet<>();

    /**
     * @param live receives the articles to announce once the import is committed
     * @param addedImages receives the images added to the media library, to discard if the import is rolled back
     */
    WordPressItems(
            ImportStore store,
            ImportRecords records,
            BodyRenderer bodies,
            Site site,
            Clock clock,
            MediaCopier media,
            List<ArticlePublished> live,
            List<Image> addedImages) {
        this.store = store;
        this.records = records;
        this.bodies = bodies;
        this.site = site;
        this.clock = clock;
        this.media = media;
        this.live = live;
        this.attachments = new ImportedAttachments(records, media);
        this.translationGroups = new ImportedTranslationGroups(store, records, site);
        this.galleries = new ImportedGalleries(store, records, bodies);
        this.featuredImages = new ImportedFeaturedImages(store, records, media, addedImages, this::announce);
        this.defaultLanguage = site.defaultLanguage().code();
    }

    String source() {
        return source;
    }

    @Override
    public void channel(WxrChannel channel) {
        String url = !channel.baseBlogUrl().isEmpty() ? channel.baseBlogUrl() : channel.link();
        if (!url.isEmpty())
            source = url.replaceFirst("^https?://", "").replaceAll("/+$", "").toLowerCase(Locale.ROOT);
        String lang = WordPressValues.languageCode(channel.language());
        if (lang != null && site.publishesIn(lang)) defaultLanguage = lang;
    }

    @Override
    public void author(WxrAuthor author) {
        if (author.login().isEmpty()) return;
        String name = author.displayName().isEmpty() ? author.login() : author.displayName();
        authors.put(author.login(), name);
    }

    @Override
    public void term(WxrTerm term) {
        terms.add(term);
        if (term.taxonomy().equals("category") || term.taxonomy().equals("post_tag")) {
            String kind = term.taxonomy().equals("category") ? "category" : "tag";
            String slug = WordPressValues.decode(term.slug());
            // Resolved when asked (OldAddresses): the archive page of the section or tag with this slug,
            // in the prefix's language where it has a name there; the language's home page otherwise.
            String target = (kind.equals("category") ? OldAddresses.SECTION : OldAddresses.TAG) + slug;
            records.redirectToPath(OldPaths.normalize("/" + kind + "/" + slug + "/"), target);
            for (var language : site.languages()) {
                records.redirectToPath(
                        OldPaths.normalize("/" + language.code() + "/" + kind + "/" + slug + "/"),
                        target + "@" + language.code());
            }
        }
    }

    @Override
    public void item(WxrItem item) {
        switch (item.postType()) {
            case "post", "page" -> article(item);
            case "attachment" -> attachment(item);
            default ->
                skip(
                        item,
                        "WordPress "
                                + (item.postType().isEmpty()
                                        ? "items without a type"
                                        : "'" + item.postType() + "' items")
                                + " have no counterpart here.");
        }
    }

    private void attachment(WxrItem item) {
        String url = item.attachmentUrl().isEmpty() ? item.guid() : item.attachmentUrl();
        if (url.isEmpty()) {
            skip(item, "The attachment has no file address.");
            return;
        }
        attachments.add(source, defaultLanguage, item, url, n -> note(item, n));
    }

    private void article(WxrItem item) {
        Optional<ArticleStatus> status = WordPressValues.status(item.status());
        if (status.isEmpty()) {
            skip(
                    item,
                    switch (item.status()) {
                        case "trash" -> "It is in the WordPress trash.";
                        case "auto-draft" -> "It is an automatic draft nobody saved.";
                        default -> "Its status '" + item.status() + "' is unknown.";
                    });
            return;
        }
        String language = WordPressValues.language(item, defaultLanguage);
        if (!site.publishesIn(language)) {
            skip(item, "Its language '" + language + "' is not one the site publishes in.");
            return;
        }
        Instant now = clock.instant();
        Instant date = WordPressValues.instant(item.postDateGmt(), item.postDate(), site.timezone())
                .orElse(now);
        Instant modified = WordPressValues.instant(item.modifiedGmt(), item.modified(), site.timezone())
                .orElse(date);
        if (modified.isBefore(date)) modified = date;
        ArticleStatus state = status.get();
        if (state == ArticleStatus.PUBLISHED && date.isAfter(now)) state = ArticleStatus.SCHEDULED;
        if (item.passwordProtected() && state != ArticleStatus.DRAFT) {
            // A password kept readers out on WordPress; there is no such gate here, so it stays unpublished.
            state = ArticleStatus.DRAFT;
            note(item, "It was protected by a password, so it was imported as a draft.");
        }

        WordPressText text = WordPressText.of(item, content, n -> note(item, n));
        String headline = text.headline();
        String standfirst = text.standfirst();
        String body = text.body();
        if (media != null) body = media.rewrite(body);
        Matcher external = MEDIA_URL.matcher(body);
        while (external.find()) externalMedia.add(external.group(1));
        // The site's pages load images from the site only (its content security policy): an image left
        // on another host would show as broken, so it becomes a link to where it is, and is reported.
        WordPressContent.Linked linked = WordPressContent.externalImagesAsLinks(body);
        if (!linked.urls().isEmpty()) {
            body = linked.body();
            externalMedia.addAll(linked.urls());
            note(
                    item,
                    linked.urls().size() + " image(s) on another host became links to it (copy them with"
                            + " --media-dir, or upload them, to show them): " + String.join(" ", linked.urls()));
        }

        if (body.length() > MAX_BODY) {
            skip(item, "Its body is longer than " + MAX_BODY + " characters.");
            return;
        }

        List<WxrItem.Term> categories = item.terms("category");
        String sectionKey = categories.isEmpty() ? null : terms.key("category", categories.get(0));
        String sectionName = categories.isEmpty() ? null : categories.get(0).name();
        List<String[]> tagTerms = new ArrayList<>();
        categories.stream()
                .skip(1)
                .forEach(c -> tagTerms.add(new String[] {"category", terms.key("category", c), c.name()}));
        item.terms("post_tag")
                .forEach(t -> tagTerms.add(new String[] {"post_tag", terms.key("post_tag", t), t.name()}));
        String login = item.creator();
        Map<String, Long> shares = WordPressValues.shareCounts(item.meta());
        Long featuredId = WordPressValues.thumbnailId(item.meta());
        String groupKey = WordPressValues.groupKey(item);
        String slugWanted = WordPressValues.slug(item, headline);

        String hash = WordPressImport.sha256(String.join(
                "\u0000",
                List.of(
                        language,
                        slugWanted,
                        headline,
                        standfirst,
                        body,
                        String.valueOf(sectionKey),
                        String.valueOf(sectionName),
                        tagTerms.stream().map(t -> t[1] + "=" + t[2]).toList().toString(),
                        login,
                        authors.getOrDefault(login, login),
                        state.code(),
                        date.toString(),
                        modified.toString(),
                        String.valueOf(item.sticky()),
                        String.valueOf(featuredId),
                        new TreeMap<>(shares).toString(),
                        String.valueOf(groupKey),
                        item.link(),
                        item.postDate())));
        Optional<ImportRecords.Known> known = records.known(source, item.postId());
        if (known.isPresent() && known.get().contentHash().equals(hash)) {
            unchanged++;
            // The same thumbnail, but it may be settable only now (an uploads folder given this time).
            if (featuredId != null) featuredImages.atEnd(known.get().articleId(), item, featuredId);
            return;
        }
        long existingId = known.map(ImportRecords.Known::articleId).orElse(-1L);

        String slug = slugWanted;
        for (int n = 2; store.slugTaken(language, slug, existingId); n++) slug = slugWanted + "-" + n;
        Long sectionId = sectionKey == null
                ? null
                : store.term(
                        "sections",
                        "section_names",
                        "section_id",
                        sectionKey,
                        language,
                        sectionName.isBlank() ? sectionKey : sectionName);
        List<Long> tagIds = new ArrayList<>();
        for (String[] t : tagTerms) {
            long id = store.term("tags", "tag_names", "tag_id", t[1], language, t[2].isBlank() ? t[1] : t[2]);
            if (!tagIds.contains(id)) tagIds.add(id);
        }
        List<Long> authorIds = login.isEmpty()
                ? List.of()
                : List.of(store.author(login, authors.getOrDefault(login, login), language));

        String html = bodies.render(BodyFormat.HTML, body);
        ImportStore.ArticleRow row = new ImportStore.ArticleRow(
                language,
                slug,
                headline,
                standfirst.isEmpty() ? null : standfirst,
                body,
                html,
                sectionId,
                state,
                date,
                modified,
                state == ArticleStatus.PUBLISHED ? date : null,
                state == ArticleStatus.SCHEDULED ? date : null,
                item.sticky());
        long group = translationGroups.of(source, item, groupKey, language, existingId, date, n -> note(item, n));
        long articleId;
        if (existingId > 0) {
            store.updateArticle(existingId, group, row);
            articleId = existingId;
            updated++;
        } else {
            articleId = store.insertArticle(group, row);
            imported++;
        }
        boolean fresh = existingId <= 0;
        store.links(articleId, fresh, "article_tags", "tag_id", tagIds);
        store.links(articleId, fresh, "article_authors", "author_id", authorIds);
        records.shareCounts(articleId, fresh, shares);
        List<String> oldPaths = OldPaths.forItem(item, language, site);
        records.redirects(articleId, fresh, oldPaths);
        redirects += oldPaths.size();
        records.remember(
                source,
                item.postId(),
                item.guid(),
                item.postType(),
                articleId,
                hash,
                item.sticky(),
                featuredId,
                known.isPresent());
        if (text.hasGallery()) galleries.atEnd(articleId);
        if (state == ArticleStatus.PUBLISHED) announce(new ArticlePublished(articleId, group, language));
        // A thumbnail waits for the end of the file, where its attachment is known; a thumbnail WordPress
        // no longer names is settled now (a new article never had one).
        if (featuredId != null) {
            featuredImages.atEnd(articleId, item, featuredId);
        } else if (existingId > 0) {
            featuredImages.noneNamed(source, articleId, item);
        }
    }

    private void announce(ArticlePublished event) {
        if (announced.add(event.articleId())) live.add(event);
    }

    /** Resolves galleries and featured images now that every attachment is known, then sums up. */
    ImportReport finish(boolean dryRun) {
        galleries.resolveAll(source);
        featuredImages.settleAll(source, defaultLanguage);
        return new ImportReport(
                dryRun,
                imported,
                updated,
                unchanged,
                skipped,
                notes,
                List.copyOf(externalMedia),
                media == null ? 0 : media.copied(),
                redirects,
                featuredImages.set(),
                featuredImages.skipped());
    }

    private void skip(WxrItem item, String reason) {
        skipped.add(new ImportReport.Skip(item.postId(), item.title(), reason));
    }

    private void note(WxrItem item, String note) {
        notes.add(new ImportReport.Note(item.postId(), item.title(), note));
    }
}
