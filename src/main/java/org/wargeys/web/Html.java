package org.wargeys.web;

/** Escaping for the few places where Java, not a template, writes HTML. */
public final class Html {

    private Html() {}

    public static String escape(String text) {
        return org.wargeys.platform.Text.escapeHtml(text);
    }
}
