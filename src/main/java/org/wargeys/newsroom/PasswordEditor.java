package org.wargeys.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import org.wargeys.account.AccountService;
import org.wargeys.account.Session;
import org.wargeys.platform.ValidationException;
import org.wargeys.web.PageRenderer;

/**
 * {@code /admin/password}: a staff member replaces their password (the first thing an account with a
 * one-time password must do). Other sessions of the account are ended; this one stays.
 */
public final class PasswordEditor {

    private final Newsroom n;
    private final AccountService accounts;
    private final org.wargeys.account.SessionService sessions;

    public PasswordEditor(Newsroom newsroom, AccountService accounts, org.wargeys.account.SessionService sessions) {
        this.n = newsroom;
        this.accounts = accounts;
        this.sessions = sessions;
    }

    public void show(Context ctx) {
        render(ctx, 200, Map.of(), "changed".equals(ctx.queryParam("notice")));
    }

    public void change(Context ctx) {
        Session session = StaffGate.session(ctx);
        String replacement = ctx.formParam("password");
        try {
            if (replacement == null || !replacement.equals(ctx.formParam("repeat"))) {
                throw ValidationException.of("repeat", "The two new passwords differ.");
            }
            accounts.changeOwnPassword(
                    session.user().id(),
                    ctx.formParam("current"),
                    replacement,
                    n.gate().address(ctx));
        } catch (ValidationException e) {
            render(ctx, 400, e.errors(), false);
            return;
        }
        sessions.endAll(session.user().id());
        SignInEditor.restart(
                ctx, n.gate(), sessions, accounts.find(session.user().id()).orElseThrow());
        ctx.redirect(
                session.user().mustChangePassword() ? "/admin/articles" : "/admin/password?notice=changed",
                HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, int status, Map<String, String> errors, boolean changed) {
        Desk desk = n.desks().desk(ctx, "newsroom.password.title");
        PasswordPage page = new PasswordPage(desk, desk.user().mustChangePassword(), errors, changed);
        ctx.status(status).contentType(PageRenderer.HTML).result(n.renderer().render("newsroom/password.jte", page));
    }
}
