package org.wargeys.newsroom;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wargeys.account.Role;
import org.wargeys.account.User;
import org.wargeys.article.Permissions;
import org.wargeys.article.Taxonomy;
import org.wargeys.media.Image;

/**
 * What the editor's pickers search, as JSON: tags and bylines by name in the article's language ({@code
 * /admin/terms}) and the image library ({@code /admin/media/library}). Staff members without a byline
 * yet are offered by name too. Thread-safe.
 */
public final class EditorPickers {

    static final int SUGGESTIONS = 12;
    static final int IMAGES_PER_PAGE = 24;

    private final Newsroom n;

    EditorPickers(Newsroom newsroom) {
        this.n = newsroom;
    }

    /** {@code ?kind=tag|author&language=so&q=…}: the closest names first. */
    public void terms(Context ctx) {
        String language = ctx.queryParam("language");
        if (language == null || !n.site().publishesIn(language))
            language = n.site().defaultLanguage().code();
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        if (q.length() > 200) q = q.substring(0, 200);
        List<Map<String, Object>> out = new ArrayList<>();
        if ("author".equals(ctx.queryParam("kind"))) {
            List<Taxonomy.Suggestion> authors = n.taxonomy().suggestAuthors(language, q, SUGGESTIONS);
            authors.forEach(a -> out.add(term(a.key(), a.name(), a.note())));
            // Staff members who have never signed an article: offered by name, their byline made on save.
            var withBylines = n.taxonomy().staffBylines().keySet();
            String lower = q.toLowerCase(Locale.ROOT);
            for (User u : n.accounts().all()) {
                if (out.size() >= SUGGESTIONS) break;
                if (!u.active() || withBylines.contains(u.id())) continue;
                if (u.displayName().toLowerCase(Locale.ROOT).contains(lower)) {
                    out.add(term("user:" + u.id(), u.displayName(), "staff"));
                }
            }
        } else {
            n.taxonomy().suggestTags(language, q, SUGGESTIONS).forEach(t -> out.add(term(t.key(), t.name(), null)));
        }
        User user = ArticleEditor.user(ctx);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("terms", out);
        // What a name that matches nothing becomes on save, for this person.
        answer.put("newTag", Permissions.isEditor(user) ? "create" : user.role() == Role.AUTHOR ? "propose" : "none");
        answer.put("guests", user.role() != Role.TRANSLATOR);
        EditorSync.json(ctx, answer);
    }

    private static Map<String, Object> term(String key, String name, String note) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("key", key);
        t.put("name", name);
        if (note != null) t.put("note", note);
        return t;
    }

    /** {@code ?q=…&language=so&offset=N}: images whose texts or credit match, newest first, a page at a time. */
    public void library(Context ctx) {
        String language = ctx.queryParam("language");
        if (language == null || !n.site().publishesIn(language))
            language = n.site().defaultLanguage().code();
        int offset = 0;
        String o = ctx.queryParam("offset");
        if (o != null && o.matches("\\d{1,6}")) offset = Integer.parseInt(o);
        List<Image> found = n.media().search(ctx.queryParam("q"), IMAGES_PER_PAGE + 1, offset);
        List<Map<String, Object>> images = new ArrayList<>();
        for (Image i : found.subList(0, Math.min(found.size(), IMAGES_PER_PAGE))) images.add(image(i, language));
        EditorSync.json(ctx, Map.of("images", images, "more", found.size() > IMAGES_PER_PAGE));
    }

    /** An image as the pickers show and place it: a thumbnail, the body's rendition, its texts in the language. */
    static Map<String, Object> image(Image i, String language) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        int small = i.widths().get(0);
        m.put("thumb", i.path(small));
        // The body shows the rendition nearest 1280 pixels wide (the article column at twice its width).
        int body = i.widths().stream()
                .filter(w -> w >= 1280)
                .findFirst()
                .orElse(i.widths().get(i.widths().size() - 1));
        m.put("src", i.path(body));
        m.put("width", body);
        m.put("height", Math.max(1, Math.round((float) i.height() * body / i.width())));
        Image.Text own = i.texts().get(language);
        m.put("alt", own == null ? "" : own.alt());
        m.put("caption", own == null || own.caption() == null ? "" : own.caption());
        m.put("credit", i.credit() == null ? "" : i.credit());
        // Another language's alt text, as a hint for whoever writes this language's.
        i.texts().entrySet().stream()
                .filter(e -> !e.getKey().equals(language))
                .findFirst()
                .ifPresent(e -> m.put("hint", e.getValue().alt()));
        return m;
    }
}
