package org.wargeys.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.wargeys.account.AccountService;
import org.wargeys.account.Role;
import org.wargeys.article.Permissions;
import org.wargeys.platform.Actor;
import org.wargeys.platform.ConflictException;
import org.wargeys.platform.Language;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.ValidationException;
import org.wargeys.web.PageRenderer;

/**
 * {@code /admin/users} and {@code /admin/audit}: accounts (add one, change a role, disable and
 * enable) and the audit log, for administrators only.
 */
public final class UserEditor {

    private final Newsroom n;
    private final AccountService accounts;
    private final org.wargeys.mail.MailOutbox outbox;

    UserEditor(Newsroom newsroom, AccountService accounts, org.wargeys.mail.MailOutbox outbox) {
        this.outbox = outbox;
        this.n = newsroom;
        this.accounts = accounts;
    }

    // The notices a redirect after a change may ask for (anything else in the URL is ignored).
    private static final Set<String> NOTICES = Set.of("created", "invited", "role_changed", "disabled", "enabled");

    public void list(Context ctx) {
        if (!allowed(ctx)) return;
        String notice = ctx.queryParam("notice");
        render(ctx, 200, Map.of(), notice != null && NOTICES.contains(notice) ? "newsroom.users." + notice : null);
    }

    public void audit(Context ctx) {
        list(ctx);
    }

    public void create(Context ctx) {
        if (!allowed(ctx)) return;
        try {
            Role role = role(ctx);
            Set<String> languages = languages(ctx);
            // The administrator chose this password, so it serves once: the new colleague picks their own.
            accounts.create(
                    ctx.formParam("email"),
                    ctx.formParam("name"),
                    role,
                    languages,
                    ctx.formParam("password"),
                    true,
                    n.gate().actor(ctx));
            ctx.redirect("/admin/users?notice=created", HttpStatus.SEE_OTHER);
        } catch (ValidationException e) {
            render(ctx, 400, n.layouts().messages(ctx).problems(e.problems()), null);
        }
    }

    /**
     * Invites a colleague by mail (issue 16): the account, and a link to choose their password, in the
     * inviting administrator's newsroom language.
     */
    public void invite(Context ctx) {
        if (!allowed(ctx)) return;
        try {
            var msg = n.layouts().messages(ctx);
            var inviter = StaffGate.session(ctx).user();
            Role role = role(ctx);
            accounts.invite(
                    ctx.formParam("email"),
                    ctx.formParam("name"),
                    role,
                    languages(ctx),
                    n.gate().actor(ctx),
                    (tx, user, token) -> outbox.queue(
                            tx,
                            new org.wargeys.mail.OutgoingMail(
                                    "account-invitation",
                                    null,
                                    user.email(),
                                    msg.language().code(),
                                    msg.format(
                                            "newsroom.invite.mail_subject",
                                            Map.of("site", n.site().name())),
                                    msg.format(
                                            "newsroom.invite.mail_text",
                                            Map.of(
                                                    "name", user.displayName(),
                                                    "inviter", inviter.displayName(),
                                                    "site", n.site().name(),
                                                    "role", msg.get("newsroom.role." + role.code()),
                                                    "link", n.site().absolute("/admin/reset?token=" + token))),
                                    null,
                                    Map.of())));
            ctx.redirect("/admin/users?notice=invited", HttpStatus.SEE_OTHER);
        } catch (ValidationException e) {
            render(ctx, 400, n.layouts().messages(ctx).problems(e.problems()), null);
        }
    }

    /** Another role (and, for a translator, languages) for an account. */
    public void changeRole(Context ctx) {
        change(ctx, "role_changed", (id, actor) -> accounts.changeRole(id, role(ctx), languages(ctx), actor));
    }

    /** Disables an account: its sessions end at once and it can no longer sign in. */
    public void disable(Context ctx) {
        change(ctx, "disabled", accounts::disable);
    }

    public void enable(Context ctx) {
        change(ctx, "enabled", accounts::enable);
    }

    private interface AccountChange {
        void apply(long userId, Actor actor);
    }

    // Administrators only; a refused change re-renders the page with its reason (400, or 409 when it
    // would leave the site without an active administrator) and changes nothing.
    private void change(Context ctx, String notice, AccountChange change) {
        if (!allowed(ctx)) return;
        long id = userId(ctx);
        try {
            change.apply(id, n.gate().actor(ctx));
            ctx.redirect("/admin/users?notice=" + notice, HttpStatus.SEE_OTHER);
        } catch (ValidationException e) {
            render(ctx, 400, n.layouts().messages(ctx).problems(e.problems()), null);
        } catch (ConflictException e) {
            render(ctx, 409, Map.of("account", n.layouts().messages(ctx).problem(e.problem())), null);
        }
    }

    private static Role role(Context ctx) {
        try {
            return Role.of(ctx.formParam("role"));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(
                    "role", "account.error.role_unknown", Map.of("role", String.valueOf(ctx.formParam("role"))));
        }
    }

    /** The languages ticked on the form that the site publishes in (a translator's). */
    private Set<String> languages(Context ctx) {
        return ctx.formParams("languages").stream()
                .filter(n.site()::publishesIn)
                .collect(Collectors.toSet());
    }

    private static long userId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("\\d{1,18}")) throw new NotFoundException("No user " + id);
        return Long.parseLong(id);
    }

    private boolean allowed(Context ctx) {
        if (Permissions.mayManageUsers(StaffGate.session(ctx).user())) return true;
        n.gate().refuse(ctx, 403, "newsroom.error.forbidden");
        return false;
    }

    private void render(Context ctx, int status, Map<String, String> errors, String notice) {
        NewsroomLayout layout = n.layouts().layout(ctx, "newsroom.users.title");
        var msg = layout.messages();
        List<UsersPage.AuditLine> audit = n.audit().recent(200).stream()
                .map(e -> new UsersPage.AuditLine(msg.dateTime(e.at()), e))
                .toList();
        UsersPage page = new UsersPage(
                layout,
                accounts.all(),
                Arrays.stream(Role.values()).map(Role::code).toList(),
                n.site().languages().stream().map(Language::code).toList(),
                errors,
                notice,
                audit);
        ctx.status(status).contentType(PageRenderer.HTML).result(n.renderer().render("newsroom/users.jte", page));
    }
}
