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

    PasswordEditor(Newsroom newsroom, AccountService accounts, org.wargeys.account.SessionService sessions) {
        this.n = newsroom;
        this.accounts = accounts;
        this.sessions = sessions;
    }

    public void show(Context ctx) {
        render(ctx, 200, Map.of(), "changed".equals(ctx.queryParam("notice")));
    }

    public void change(Context ctx) {
        Session session = StaffGate.session(ctx);
        org.wargeys.account.User changed;
        try {
            // Ends every session of the account, this one included, in the same transaction.
            changed = accounts.changeOwnPassword(
                    session.user().id(),
                    ctx.formParam("current"),
                    ctx.formParam("password"),
                    ctx.formParam("repeat"),
                    n.gate().actor(ctx));
        } catch (ValidationException e) {
            render(ctx, 400, n.layouts().messages(ctx).problems(e.problems()), false);
            return;
        }
        SignInEditor.restart(ctx, n.gate(), sessions, changed);
        ctx.redirect(
                session.user().mustChangePassword() ? "/admin/articles" : "/admin/password?notice=changed",
                HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, int status, Map<String, String> errors, boolean changed) {
        NewsroomLayout layout = n.layouts().layout(ctx, "newsroom.password.title");
        PasswordPage page = new PasswordPage(layout, layout.user().mustChangePassword(), errors, changed);
        ctx.status(status).contentType(PageRenderer.HTML).result(n.renderer().render("newsroom/password.jte", page));
    }
}
