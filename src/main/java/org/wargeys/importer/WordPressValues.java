package org.wargeys.importer;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wargeys.article.ArticleStatus;
import org.wargeys.article.Slug;

/**
 * How WordPress writes single values, read into ours: statuses, language codes, slugs, dates,
 * translation-group keys, Social Snap share counts and the words in a file name. Stateless and
 * thread-safe.
 */
final class WordPressValues {

    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final Pattern SHARE_KEY = Pattern.compile("ss_(?:ss_)?(?:click_)?share_count_([a-z0-9]+)");

    private WordPressValues() {}

    /**
     * WordPress states onto the newsroom workflow: publish → published (scheduled when its date is
     * still ahead), future → scheduled, draft → draft, pending → in_review, private → draft (it was
     * never for readers); trash, auto-draft and anything else are skipped.
     */
    static Optional<ArticleStatus> status(String wp) {
        return Optional.ofNullable(
                switch (wp) {
                    case "publish" -> ArticleStatus.PUBLISHED;
                    case "future" -> ArticleStatus.SCHEDULED;
                    case "draft" -> ArticleStatus.DRAFT;
                    case "pending" -> ArticleStatus.IN_REVIEW;
                    case "private" -> ArticleStatus.DRAFT;
                    default -> null;
                });
    }

    /** "en", "en-US", "so_SO" → the two- or three-letter code; null if there is none. */
    static String languageCode(String tag) {
        if (tag == null) return null;
        String code = tag.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        return code.matches("[a-z]{2,3}") ? code : null;
    }

    /** The Polylang language term or WPML language meta of the item, else {@code defaultLanguage}. */
    static String language(WxrItem item, String defaultLanguage) {
        List<WxrItem.Term> polylang = item.terms("language");
        if (!polylang.isEmpty()) {
            String code = languageCode(polylang.get(0).nicename());
            if (code != null) return code;
        }
        for (String key : List.of("_wpml_import_language_code", "wpml_language", "_icl_lang_code")) {
            String code = languageCode(item.meta().getOrDefault(key, ""));
            if (code != null) return code;
        }
        return defaultLanguage;
    }

    /** The Polylang post_translations term or the WPML translation group the item belongs to, or null. */
    static String groupKey(WxrItem item) {
        List<WxrItem.Term> polylang = item.terms("post_translations");
        if (!polylang.isEmpty() && !polylang.get(0).nicename().isEmpty())
            return "polylang:" + polylang.get(0).nicename();
        String wpml = item.meta().getOrDefault("_wpml_import_translation_group", "");
        if (wpml.isEmpty()) wpml = item.meta().getOrDefault("_icl_translation_trid", "");
        if (!wpml.isEmpty()) return "wpml:" + wpml;
        String duplicateOf = item.meta().getOrDefault("_icl_lang_duplicate_of", "");
        if (!duplicateOf.isEmpty()) return "wpml-post:" + duplicateOf;
        return null;
    }

    /** WordPress's featured image of a post ({@code _thumbnail_id}): an attachment id, or null for none. */
    static Long thumbnailId(Map<String, String> meta) {
        String featured = meta.get("_thumbnail_id");
        return featured != null && featured.matches("\\d{1,18}") ? Long.parseLong(featured) : null;
    }

    /** The GMT date when WordPress wrote one, else the local date read in the site's time zone. */
    static Optional<Instant> instant(String gmt, String local, ZoneId siteZone) {
        Optional<LocalDateTime> utc = parse(gmt);
        if (utc.isPresent()) return utc.map(d -> d.toInstant(ZoneOffset.UTC));
        return parse(local).map(d -> d.atZone(siteZone).toInstant());
    }

    private static Optional<LocalDateTime> parse(String date) {
        if (date == null || date.isBlank() || date.startsWith("0000")) return Optional.empty();
        try {
            return Optional.of(LocalDateTime.parse(date.strip(), WP_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The item's slug when it is one of ours, else one made from it or the headline. */
    static String slug(WxrItem item, String headline) {
        String decoded = decode(item.postName());
        if (Slug.isValid(decoded)) return decoded;
        String slug = Slug.of(decoded.isEmpty() ? headline : decoded, 12);
        if (slug.isEmpty()) slug = Slug.of(headline, 12);
        return slug.isEmpty() ? item.postType() + "-" + item.postId() : slug;
    }

    static String decode(String slug) {
        try {
            return java.net.URLDecoder.decode(slug.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return slug;
        }
    }

    /** Social Snap's per-network share counts ({@code ss_*} post meta). */
    static Map<String, Long> shareCounts(Map<String, String> meta) {
        Map<String, Long> counts = new LinkedHashMap<>();
        meta.forEach((key, value) -> {
            Matcher m = SHARE_KEY.matcher(key);
            if (m.matches() && value.strip().matches("\\d{1,15}")) {
                counts.merge(m.group(1), Long.parseLong(value.strip()), Long::sum);
            } else if (key.equals("ss_share_count") || key.equals("ss_shares")) {
                PhpArray.stringToIds(value).forEach((network, count) -> {
                    if (!network.equals("total") && network.matches("[a-z0-9]+"))
                        counts.merge(network, count, Long::sum);
                });
            }
        });
        counts.remove("total");
        return counts;
    }

    /** "https://x/wp-content/uploads/2024/03/harbour-view.jpg" → "harbour view", for an image with no other words. */
    static String fileName(String url) {
        String name = url.replaceFirst("[?#].*$", "").replaceFirst("/+$", "");
        name = decode(name.substring(name.lastIndexOf('/') + 1))
                .replaceFirst("\\.[A-Za-z0-9]{1,5}$", "")
                .replaceAll("[-_]+", " ")
                .strip();
        return name.isEmpty() ? "Image" : name;
    }
}
