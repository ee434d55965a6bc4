package org.wargeys.media;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An uploaded image as stored: its renditions (one file per width in JPEG or PNG, and beside each a
 * WebP copy when {@code webp}), a credit and, per language, alt text and caption. Immutable.
 *
 * @param base where the rendition files are addressed: {@code /media/} on the site, or the public
 *     address of the bucket or CDN that holds them ({@code media.public_url})
 */
public record Image(
        long id,
        String contentType,
        int width,
        int height,
        List<Integer> widths,
        String credit,
        Map<String, Text> texts,
        Instant uploadedAt,
        boolean webp,
        String base) {

    /** Where renditions are addressed when the site serves them itself. */
    public static final String SITE_BASE = "/media/";

    /** Alt text (required) and caption (optional) in one language. */
    public record Text(String alt, String caption) {}

    public Image {
        widths = List.copyOf(widths);
        texts = Map.copyOf(texts);
    }

    public String extension() {
        return contentType.equals("image/png") ? "png" : "jpg";
    }

    public String path(int renditionWidth) {
        return base + fileName(renditionWidth);
    }

    /** A rendition's file name, such as {@code 12-640.jpg}. */
    public String fileName(int renditionWidth) {
        return id + "-" + renditionWidth + "." + extension();
    }

    /** The WebP copy's file name, such as {@code 12-640.webp}. */
    public String webpFileName(int renditionWidth) {
        return id + "-" + renditionWidth + ".webp";
    }

    /** The WebP copies for {@code <source type="image/webp" srcset>}, or null when there are none. */
    public String webpSrcset() {
        if (!webp) return null;
        return widths.stream().map(w -> base + webpFileName(w) + " " + w + "w").collect(Collectors.joining(", "));
    }

    /** Every file of the image: the renditions and their WebP copies. */
    public List<String> fileNames() {
        List<String> names = new java.util.ArrayList<>();
        for (int w : widths) {
            names.add(fileName(w));
            if (webp) names.add(webpFileName(w));
        }
        return names;
    }

    /** The largest rendition, for {@code src}. */
    public String src() {
        return path(widths.get(widths.size() - 1));
    }

    public String srcset() {
        return widths.stream().map(w -> path(w) + " " + w + "w").collect(Collectors.joining(", "));
    }

    /** The height of the largest rendition, for {@code width}/{@code height} attributes that prevent layout shift. */
    public int renditionHeight() {
        return Math.max(1, Math.round((float) height * widths.get(widths.size() - 1) / width));
    }

    /** The text in a language, else in any language the image has one in. */
    public Text text(String language) {
        Text text = texts.get(language);
        if (text != null) return text;
        return texts.values().stream().findFirst().orElse(new Text("", null));
    }
}
