package org.wargeys.newsroom;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleDetails;
import org.wargeys.article.ArticleDraft;
import org.wargeys.article.ArticleEdit;
import org.wargeys.article.BodyFormat;
import org.wargeys.article.Dateline;

/**
 * The article editor's fields as text, both ways: from a stored article to the form, and from a
 * posted form to an {@link ArticleDraft}. Tags and authors are comma-separated keys. {@code pinned}
 * is the "pin to the top of the home page" checkbox: posted only when ticked. Immutable.
 */
public record ArticleForm(
        String language,
        String headline,
        String place,
        String outlet,
        String standfirst,
        String body,
        String section,
        String tags,
        String authors,
        String slug,
        String seoTitle,
        String seoDescription,
        int revision,
        String featuredImage,
        boolean pinned) {

    static ArticleForm empty(String language, String outlet) {
        return new ArticleForm(language, "", "", outlet, "", "", "", "", "", "", "", "", 0, "", false);
    }

    static ArticleForm of(ArticleDetails details, Long featuredImage) {
        Article a = details.article();
        return new ArticleForm(
                a.language(),
                a.headline(),
                nz(a.dateline().place()),
                nz(a.dateline().outlet()),
                nz(a.standfirst()),
                a.body(),
                details.section().map(s -> s.key()).orElse(""),
                String.join(", ", details.tags().stream().map(t -> t.key()).toList()),
                String.join(", ", details.authors().stream().map(t -> t.key()).toList()),
                a.slug(),
                nz(a.seoTitle()),
                nz(a.seoDescription()),
                a.revision(),
                featuredImage == null ? "" : String.valueOf(featuredImage),
                a.pinned());
    }

    /** The posted form; {@code language} is taken from the stored article when editing. */
    static ArticleForm posted(Context ctx, String language) {
        int revision;
        try {
            revision = Integer.parseInt(field(ctx, "revision"));
        } catch (NumberFormatException e) {
            revision = 0;
        }
        return new ArticleForm(
                language,
                field(ctx, "headline"),
                field(ctx, "dateline_place"),
                field(ctx, "dateline_outlet"),
                field(ctx, "standfirst"),
                field(ctx, "body"),
                field(ctx, "section"),
                field(ctx, "tags"),
                field(ctx, "authors"),
                field(ctx, "slug"),
                field(ctx, "seo_title"),
                field(ctx, "seo_description"),
                revision,
                field(ctx, "featured_image").strip(),
                ctx.formParam("pinned") != null);
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
     * @param sourceRevision the source revision the translator marked as carried over, or null
     */
    ArticleEdit edit(boolean mayPin, Integer sourceRevision) {
        return new ArticleEdit(
                draft(), seoTitle, seoDescription, featuredImageId(), mayPin ? pinned : null, sourceRevision);
    }

    ArticleDraft draft() {
        return new ArticleDraft(
                language,
                slug.isBlank() ? null : slug.strip(),
                headline.strip(),
                new Dateline(place, outlet),
                standfirst.isBlank() ? null : standfirst.strip(),
                BodyFormat.MARKDOWN,
                body.replace("\r\n", "\n"),
                section.isBlank() ? null : section.strip(),
                keys(tags),
                keys(authors));
    }

    private static List<String> keys(String csv) {
        return Arrays.stream(csv.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
    }

    private static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
