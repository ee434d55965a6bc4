package org.wargeys.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wargeys.account.User;
import org.wargeys.api.AccessTokens;
import org.wargeys.api.ContentKeys;
import org.wargeys.api.Scope;
import org.wargeys.article.Permissions;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.ValidationException;
import org.wargeys.web.PageRenderer;

/**
 * {@code /admin/tokens}: each staff member makes, sees and revokes their personal access tokens for
 * the admin API (a secret is shown once, never again); administrators also see everyone's, revoke any,
 * and make and revoke the Content API's content keys.
 */
public final class TokenEditor {

    private final Newsroom n;
    private final AccessTokens tokens;
    private final ContentKeys keys;

    TokenEditor(Newsroom newsroom, AccessTokens tokens, ContentKeys keys) {
        this.n = newsroom;
        this.tokens = tokens;
        this.keys = keys;
    }

    public void list(Context ctx) {
        String notice = ctx.queryParam("notice");
        render(ctx, 200, Map.of(), null, "revoked".equals(notice) ? "newsroom.tokens.revoked" : null);
    }

    public void create(Context ctx) {
        User user = StaffGate.session(ctx).user();
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String code : ctx.formParams("scopes")) Scope.of(code).ifPresent(scopes::add);
        int days;
        try {
            days = Integer.parseInt(String.valueOf(ctx.formParam("days")));
        } catch (NumberFormatException e) {
            days = 0;
        }
        try {
            var created = tokens.create(
                    user, ctx.formParam("name"), scopes, days, n.gate().actor(ctx));
            render(ctx, 201, Map.of(), created.secret(), "newsroom.tokens.created");
        } catch (ValidationException e) {
            render(ctx, 400, n.layouts().messages(ctx).problems(e.problems()), null, null);
        }
    }

    public void revoke(Context ctx) {
        tokens.revoke(id(ctx), StaffGate.session(ctx).user(), n.gate().actor(ctx));
        ctx.redirect("/admin/tokens?notice=revoked", HttpStatus.SEE_OTHER);
    }

    public void createKey(Context ctx) {
        if (!administrator(ctx)) return;
        Integer perMinute = null;
        String limit = ctx.formParam("per_minute");
        try {
            if (limit != null && !limit.isBlank()) perMinute = Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            perMinute = -1;
        }
        try {
            var created = keys.create(ctx.formParam("name"), perMinute, n.gate().actor(ctx));
            render(ctx, 201, Map.of(), created.value(), "newsroom.tokens.key_created");
        } catch (ValidationException e) {
            render(ctx, 400, n.layouts().messages(ctx).problems(e.problems()), null, null);
        }
    }

    public void revokeKey(Context ctx) {
        if (!administrator(ctx)) return;
        keys.revoke(id(ctx), n.gate().actor(ctx));
        ctx.redirect("/admin/tokens?notice=revoked", HttpStatus.SEE_OTHER);
    }

    private boolean administrator(Context ctx) {
        if (Permissions.mayManageSite(StaffGate.session(ctx).user())) return true;
        n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
        return false;
    }

    private static long id(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("\\d{1,18}")) throw new NotFoundException("No token " + id);
        return Long.parseLong(id);
    }

    private void render(Context ctx, int status, Map<String, String> errors, String secret, String notice) {
        User user = StaffGate.session(ctx).user();
        boolean admin = Permissions.mayManageSite(user);
        TokensPage page = new TokensPage(
                n.layouts().layout(ctx, "newsroom.tokens.title"),
                tokens.of(user.id()),
                List.copyOf(EnumSet.copyOf(Scope.usableBy(user.role()))),
                AccessTokens.LIFETIMES_DAYS,
                admin ? tokens.all() : List.of(),
                admin ? keys.all() : List.of(),
                admin,
                secret,
                errors,
                notice);
        ctx.status(status).contentType(PageRenderer.HTML).result(n.renderer().render("newsroom/tokens.jte", page));
    }
}
