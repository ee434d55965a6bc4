package org.wargeys.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wargeys.account.User;
import org.wargeys.article.Permissions;
import org.wargeys.media.Image;
import org.wargeys.media.MediaService;
import org.wargeys.platform.Language;
import org.wargeys.platform.ValidationException;
import org.wargeys.web.PageRenderer;

/** {@code /admin/media}: upload images with credit, alt text and caption per language; list the latest. */
public final class MediaEditor {

    private static final ValidationException TOO_LARGE = ValidationException.of(
            "file", "media.error.file_too_large", Map.of("megabytes", MediaService.MAX_BYTES / (1024 * 1024)));

    private final Newsroom n;

    MediaEditor(Newsroom newsroom) {
        this.n = newsroom;
    }

    public void list(Context ctx) {
        String uploaded = ctx.queryParam("uploaded");
        render(ctx, 200, Map.of(), uploaded != null && uploaded.matches("\\d{1,18}") ? Long.valueOf(uploaded) : null);
    }

    public void upload(Context ctx) throws IOException {
        User user = StaffGate.session(ctx).user();
        if (!Permissions.mayCreate(user)) {
            n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
            return;
        }
        try {
            UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
            if (file == null) throw ValidationException.of("file", "media.error.file_required");
            if (file.size() > MediaService.MAX_BYTES) throw TOO_LARGE;
            byte[] bytes;
            try (InputStream in = file.content()) {
                bytes = in.readNBytes(MediaService.MAX_BYTES + 1);
            }
            Map<String, Image.Text> texts = new LinkedHashMap<>();
            for (Language l : n.site().languages()) {
                texts.put(
                        l.code(),
                        new Image.Text(ctx.formParam("alt_" + l.code()), ctx.formParam("caption_" + l.code())));
            }
            boolean json = EditorSync.wantsJson(ctx);
            // From the article editor (a photo dropped in, or taken with the phone's camera): alt text may
            // follow, and is required before the article is published.
            Image image = n.media()
                    .upload(
                            bytes,
                            ctx.formParam("credit"),
                            texts,
                            !json,
                            n.gate().actor(ctx));
            if (json) {
                String language = ctx.formParam("language");
                ctx.status(201);
                EditorSync.json(
                        ctx,
                        EditorPickers.image(
                                image,
                                language != null && n.site().publishesIn(language)
                                        ? language
                                        : n.site().defaultLanguage().code()));
                return;
            }
            ctx.redirect("/admin/media?uploaded=" + image.id(), HttpStatus.SEE_OTHER);
        } catch (ValidationException e) {
            if (EditorSync.wantsJson(ctx)) {
                ctx.status(400);
                EditorSync.json(
                        ctx, Map.of("message", String.join(" ", worded(ctx, e).values())));
                return;
            }
            render(ctx, 400, worded(ctx, e), null);
        }
    }

    /**
     * The answer to an upload the gate stopped reading because it is over the limit: the media page
     * with the same message as a file found too large here, and nothing stored.
     */
    public void tooLarge(Context ctx) {
        if (EditorSync.wantsJson(ctx)) {
            ctx.status(413);
            EditorSync.json(
                    ctx,
                    Map.of("message", String.join(" ", worded(ctx, TOO_LARGE).values())));
            return;
        }
        render(ctx, 413, worded(ctx, TOO_LARGE), null);
    }

    /**
     * Credit, alt text and caption of an uploaded image, under the rules of the articles that show it:
     * editors change any image; an author changes an image only if they may edit every article that
     * shows it (or, shown nowhere yet, if they uploaded it); a translator writes only the texts of
     * their languages, of an image shown by a translation they may edit, and never the credit.
     */
    public void describe(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("\\d{1,18}")) throw new org.wargeys.platform.NotFoundException("No image " + id);
        long imageId = Long.parseLong(id);
        Image current =
                n.media().find(imageId).orElseThrow(() -> new org.wargeys.platform.NotFoundException("No image " + id));
        User user = StaffGate.session(ctx).user();
        if (!mayDescribe(user, imageId)) {
            n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
            return;
        }
        boolean translator = user.role() == org.wargeys.account.Role.TRANSLATOR;
        Map<String, Image.Text> texts = new LinkedHashMap<>();
        for (Language l : n.site().languages()) {
            String alt = ctx.formParam("alt_" + l.code());
            if (alt == null) continue;
            if (translator && !user.languages().contains(l.code())) {
                // Another language's text as it was: a translator's form may not change it.
                continue;
            }
            texts.put(l.code(), new Image.Text(alt, ctx.formParam("caption_" + l.code())));
        }
        String credit = translator ? current.credit() : ctx.formParam("credit");
        try {
            Image image = n.media().describe(imageId, credit, texts, n.gate().actor(ctx));
            ctx.redirect("/admin/media?uploaded=" + image.id(), HttpStatus.SEE_OTHER);
        } catch (ValidationException e) {
            render(ctx, 400, worded(ctx, e), null);
        }
    }

    private boolean mayDescribe(User user, long imageId) {
        if (Permissions.isEditor(user)) return true;
        var articles = n.media().featuredIn(imageId);
        if (articles.isEmpty()) {
            return user.role() != org.wargeys.account.Role.TRANSLATOR
                    && n.media().uploadedBy(imageId).map(user.email()::equals).orElse(false);
        }
        for (long articleId : articles) {
            var article = n.articles().find(articleId);
            boolean may = Permissions.mayEdit(user, article, n.origins().find(articleId));
            if (user.role() == org.wargeys.account.Role.TRANSLATOR) {
                if (may) return true; // one translation of theirs shows it: their languages' texts only
            } else if (!may) {
                return false;
            }
        }
        return user.role() != org.wargeys.account.Role.TRANSLATOR;
    }

    private Map<String, String> worded(Context ctx, ValidationException e) {
        return n.layouts().messages(ctx).problems(e.problems());
    }

    private void render(Context ctx, int status, Map<String, String> errors, Long uploaded) {
        NewsroomLayout layout = n.layouts().layout(ctx, "newsroom.media.title");
        MediaPage page = new MediaPage(
                layout,
                n.media().recent(60),
                n.site().languages().stream().map(Language::code).toList(),
                errors,
                uploaded);
        ctx.status(status).contentType(PageRenderer.HTML).result(n.renderer().render("newsroom/media.jte", page));
    }
}
