package org.wargeys.newsroom;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleDetails;
import org.wargeys.article.ArticleDraft;
import org.wargeys.article.ArticleEdit;
import org.wargeys.article.BodyFormat;
import org.wargeys.article.Dateline;
import org.wargeys.article.Slug;
import org.wargeys.media.Image;

/**
 * The article editor's fields as text, both ways: from a stored article to the form, and from a
 * posted form (or an autosaved copy of one) to an {@link ArticleEdit}. Tags and bylines are
 * comma-separated entries, each a key or a name (the pickers post keys, {@code user:ID} for a staff
 * member without a byline yet, and names for new ones). {@code bodyFormat} is the body's format as
 * posted: the rich editor posts HTML; the plain textarea posts the body in the format it was stored in.
 * A blank slug on an article never published follows the headline. Immutable.
 *
 * @param featuredAlt the featured image's alt text in the article's language; null when not posted
 *     (left as it is)
 */
public record ArticleForm(
        String language,
        String headline,
        String place,
        String outlet,
        String standfirst,
        String body,
        String bodyFormat,
        String section,
        String tags,
        String authors,
        String slug,
        String seoTitle,
        String seoDescription,
        int revision,
        String featuredImage,
        String featuredAlt,
        String featuredCaption,
        boolean pinned) {

    /** The posted field names, in the order an autosaved copy keeps them. */
    static final List<String> FIELDS = List.of(
            "headline",
            "dateline_place",
            "dateline_outlet",
            "standfirst",
            "body",
            "body_format",
            "section",
            "tags",
            "authors",
            "slug",
            "seo_title",
            "seo_description",
            "revision",
            "featured_image",
            "featured_alt",
            "featured_caption",
            "pinned");

    /**
     * A new article's form: in the language asked for, with the signed-in staff member's byline.
     *
     * @param byline their byline's key, or {@code user:ID} until they have one
     */
    static ArticleForm empty(String language, String outlet, String byline) {
        return new ArticleForm(
                language, "", "", outlet, "", "", "markdown", "", "", byline, "", "", "", 0, "", null, null, false);
    }

    /**
     * The stored article as the form shows it.
     *
     * @param proposedTags tag names an author proposed, shown among the tags until an editor answers
     * @param featuredText the featured image's alt text and caption in the article's language, if any
     */
    static ArticleForm of(
            ArticleDetails details, Long featuredImage, List<String> proposedTags, Image.Text featuredText) {
        Article a = details.article();
        List<String> tags = new java.util.ArrayList<>(
                details.tags().stream().map(t -> t.key()).toList());
        tags.addAll(proposedTags);
        return new ArticleForm(
                a.language(),
                a.headline(),
                nz(a.dateline().place()),
                nz(a.dateline().outlet()),
                nz(a.standfirst()),
                a.body(),
                a.bodyFormat().code(),
                details.section().map(s -> s.key()).orElse(""),
                String.join(", ", tags),
                String.join(", ", details.authors().stream().map(t -> t.key()).toList()),
                followsHeadline(a) ? "" : a.slug(),
                nz(a.seoTitle()),
                nz(a.seoDescription()),
                a.revision(),
                featuredImage == null ? "" : String.valueOf(featuredImage),
                featuredImage == null ? null : featuredText == null ? "" : nz(featuredText.alt()),
                featuredImage == null ? null : featuredText == null ? "" : nz(featuredText.caption()),
                a.pinned());
    }

    /**
     * True while the slug is still the one made from the headline (or an untitled draft's) and the
     * article was never live: the form leaves it blank, so it follows a new headline. Once live, an
     * address is kept.
     */
    static boolean followsHeadline(Article a) {
        if (a.publishedAt() != null) return false;
        String made = Slug.of(a.headline(), 8);
        return a.slug().startsWith("draft-") && a.headline().isBlank()
                || (!made.isEmpty()
                        && (a.slug().equals(made) || a.slug().matches(java.util.regex.Pattern.quote(made) + "-\\d+")));
    }

    /** The posted form; {@code language} is taken from the stored article when editing. */
    static ArticleForm posted(Context ctx, String language) {
        return from(ctx::formParam, language);
    }

    /** A form kept as its fields (an autosaved copy). */
    static ArticleForm of(Map<String, String> fields, String language) {
        return from(fields::get, language);
    }

    private static ArticleForm from(Function<String, String> field, String language) {
        int revision;
        try {
            revision = Integer.parseInt(nz(field.apply("revision")).strip());
        } catch (NumberFormatException e) {
            revision = 0;
        }
        String format = nz(field.apply("body_format")).strip();
        return new ArticleForm(
                language,
                nz(field.apply("headline")),
                nz(field.apply("dateline_place")),
                nz(field.apply("dateline_outlet")),
                nz(field.apply("standfirst")),
                nz(field.apply("body")),
                format.equals("html") ? "html" : "markdown",
                nz(field.apply("section")),
                nz(field.apply("tags")),
                nz(field.apply("authors")),
                nz(field.apply("slug")),
                nz(field.apply("seo_title")),
                nz(field.apply("seo_description")),
                revision,
                nz(field.apply("featured_image")).strip(),
                field.apply("featured_alt"),
                field.apply("featured_caption"),
                field.apply("pinned") != null);
    }

    /** The fields, as an autosaved copy keeps them. */
    Map<String, String> fields() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("headline", headline);
        out.put("dateline_place", place);
        out.put("dateline_outlet", outlet);
        out.put("standfirst", standfirst);
        out.put("body", body);
        out.put("body_format", bodyFormat);
        out.put("section", section);
        out.put("tags", tags);
        out.put("authors", authors);
        out.put("slug", slug);
        out.put("seo_title", seoTitle);
        out.put("seo_description", seoDescription);
        out.put("revision", String.valueOf(revision));
        out.put("featured_image", featuredImage);
        if (featuredAlt != null) out.put("featured_alt", featuredAlt);
        if (featuredCaption != null) out.put("featured_caption", featuredCaption);
        if (pinned) out.put("pinned", "1");
        return out;
    }

    /** The same form with another body (a translation's, once its carried-over rows are applied). */
    ArticleForm withBody(String newBody, String format) {
        return new ArticleForm(
                language,
                headline,
                place,
                outlet,
                standfirst,
                newBody,
                format,
                section,
                tags,
                authors,
                slug,
                seoTitle,
                seoDescription,
                revision,
                featuredImage,
                featuredAlt,
                featuredCaption,
                pinned);
    }

    /** The same form on another revision (an autosaved copy brought back over the article it was made on). */
    ArticleForm withRevision(int newRevision) {
        return new ArticleForm(
                language,
                headline,
                place,
                outlet,
                standfirst,
                body,
                bodyFormat,
                section,
                tags,
                authors,
                slug,
                seoTitle,
                seoDescription,
                newRevision,
                featuredImage,
                featuredAlt,
                featuredCaption,
                pinned);
    }

    /** The featured image's id, null for none. */
    Long featuredImageId() {
        if (featuredImage.isBlank()) return null;
        if (!featuredImage.matches("\\d{1,18}")) {
            throw org.wargeys.platform.ValidationException.of("featured_image", "newsroom.error.image_number");
        }
        return Long.parseLong(featuredImage);
    }

    /**
     * Everything the form saves at once.
     *
     * @param mayPin whether the staff member may pin (others' forms have no pin box: the pin stays)
     * @param sourceRevision the source revision the translator has carried over entirely, or null
     * @param segments a translation's blocks' sources, or null to leave them
     */
    ArticleEdit edit(boolean mayPin, Integer sourceRevision, List<String> segments) {
        Long image = featuredImageId();
        Image.Text text = image == null || featuredAlt == null ? null : new Image.Text(featuredAlt, featuredCaption);
        return new ArticleEdit(
                draft(), seoTitle, seoDescription, image, mayPin ? pinned : null, sourceRevision, text, segments);
    }

    ArticleDraft draft() {
        return new ArticleDraft(
                language,
                slug.isBlank() ? null : slug.strip(),
                headline.strip(),
                new Dateline(place, outlet),
                standfirst.isBlank() ? null : standfirst.strip(),
                BodyFormat.of(bodyFormat),
                body.replace("\r\n", "\n"),
                section.isBlank() ? null : section.strip(),
                entries(tags),
                entries(authors));
    }

    private static List<String> entries(String csv) {
        return Arrays.stream(csv.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
