package org.wargeys.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * Renders jte templates, precompiled into the jar at build time, so that no template is parsed or
 * compiled while serving. Thread-safe.
 */
public final class PageRenderer {

    public static final String HTML = "text/html; charset=utf-8";

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public String render(String template, Object model) {
        StringOutput output = new StringOutput(8 * 1024);
        engine.render(template, model, output);
        return output.toString();
    }

    /** Renders a template with several parameters (a fragment, such as a live entry in a poll answer). */
    public String render(String template, java.util.Map<String, Object> params) {
        StringOutput output = new StringOutput(4 * 1024);
        engine.render(template, params, output);
        return output.toString();
    }
}
