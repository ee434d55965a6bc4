package org.wargeys.media;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An uploaded image as stored: its renditions (one file per width, all in one format), a credit and,
 * per language, alt text and caption. Immutable.
 */
public record Image(
        long id,
        String contentType,
        int width,
        int height,
        List<Integer> widths,
        String credit,
        Map<String, Text> texts,
        Instant uploadedAt) {

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
        return "/media/" + id + "-" + renditionWidth + "." + extension();
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
