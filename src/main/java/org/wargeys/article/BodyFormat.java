package org.wargeys.article;

import java.util.Locale;

/** The stored form of an article body (see docs/decisions/0002). */
public enum BodyFormat {
    /** CommonMark, as journalists write it. */
    MARKDOWN,
    /** HTML, as imported from other systems; always sanitized. */
    HTML;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BodyFormat of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
