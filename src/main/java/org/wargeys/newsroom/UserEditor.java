package org.wargeys.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.wargeys.account.AccountService;
import org.wargeys.account.Role;
import org.wargeys.account.User;
import org.wargeys.article.Permissions;
import org.wargeys.platform.Actor;
import org.wargeys.platform.ConflictException;
import org.wargeys.platform.Language;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.ValidationException;
import org.wargeys.web.Messages;
import org.wargeys.web.PageRenderer;

/**
 * {@code /admin/users}, administrators only: the staff as a compact table; add someone (the least
 * privileged role unless another is chosen, and a one-time password the system makes up, shown once
 * with what to tell the person), change a role, give a new one-time password, disable and enable.
 */
public final class UserEditor {

    /** The roles from the least privileged to the most: the form offers them in this order, the first chosen. */
    static final List<Role> ROLES = List.of(Role.TRANSLATOR, Role.AUTHOR, Role.EDITOR, Role.ADMINISTRATOR);

    private final Newsroom n;
    private final AccountService accounts;
    private final org.wargeys.mail.MailOutbox outbox;

    UserEditor(Newsroom newsroom, AccountService accounts, org.wargeys.mail.MailOutbox outbox) {
        this.outbox = outbox;
        this.n = newsroom;
        this.accounts = accounts;
    }

    public void list(Context ctx) {
        if (!allowed(ctx)) return;
        render(ctx, 200, Map.of(), null, null);
    }

    /** Adds an account with a one-time password the system makes up; the page shows it once. */
    public void create(Context ctx) {
        if (!allowed(ctx)) return;
        try {
            AccountService.OneTime made = accounts.createWithOneTimePassword(
                    ctx.formParam("email"),
                    ctx.formParam("name"),
                    role(ctx),
                    languages(ctx),
                    n.gate().actor(ctx));
            render(ctx, 201, Map.of(), null, handOver(ctx, made, "newsroom.users.created_once"));
        } catch (ValidationException e) {
            render(ctx, 400, n.layouts().messages(ctx).problems(e.problems()), form(ctx), null);
        }
    }

    /** A new one-time password for someone who forgot theirs; their sessions end. Shown once. */
    public void resetPassword(Context ctx) {
        if (!allowed(ctx)) return;
        User user = accounts.find(userId(ctx)).orElseThrow(() -> new NotFoundException("No user"));
        AccountService.OneTime made =
                accounts.resetWithOneTimePassword(user.email(), n.gate().actor(ctx));
        render(ctx, 200, Map.of(), null, handOver(ctx, made, "newsroom.users.reset_once"));
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
            Flash.set(ctx, n.gate(), "newsroom.users.invited");
            ctx.redirect("/admin/users", HttpStatus.SEE_OTHER);
        } catch (ValidationException e) {
            render(ctx, 400, n.layouts().messages(ctx).problems(e.problems()), form(ctx), null);
        }
    }

    /** Another role (and, for a translator, languages) for an account. */
    public void changeRole(Context ctx) {
        change(
                ctx,
                "newsroom.flash.role_changed",
                (id, actor) -> accounts.changeRole(id, role(ctx), languages(ctx), actor));
    }

    /** Disables an account: its sessions end at once and it can no longer sign in. */
    public void disable(Context ctx) {
        change(ctx, "newsroom.flash.user_disabled", accounts::disable);
    }

    public void enable(Context ctx) {
        change(ctx, "newsroom.flash.user_enabled", accounts::enable);
    }

    private interface AccountChange {
        User apply(long userId, Actor actor);
    }

    // Administrators only; a refused change re-renders the page with its reason (400, or 409 when it
    // would leave the site without an active administrator) and changes nothing.
    private void change(Context ctx, String flash, AccountChange change) {
        if (!allowed(ctx)) return;
        long id = userId(ctx);
        try {
            User changed = change.apply(id, n.gate().actor(ctx));
            Flash.set(ctx, n.gate(), flash, Map.of("name", changed.displayName()));
            ctx.redirect("/admin/users", HttpStatus.SEE_OTHER);
        } catch (ValidationException e) {
            render(ctx, 400, n.layouts().messages(ctx).problems(e.problems()), null, null);
        } catch (ConflictException e) {
            render(ctx, 409, Map.of("account", n.layouts().messages(ctx).problem(e.problem())), null, null);
        }
    }

    /** What the administrator tells the new colleague, with the password, worded in the administrator's language. */
    private UsersPage.HandOver handOver(Context ctx, AccountService.OneTime made, String headingKey) {
        Messages msg = n.layouts().messages(ctx);
        User user = made.user();
        return new UsersPage.HandOver(
                msg.format(headingKey, Map.of("name", user.displayName())),
                user.email(),
                made.password(),
                n.site().absolute("/admin/login"),
                msg.format(
                        "newsroom.users.tell",
                        Map.of(
                                "name", user.displayName(),
                                "url", n.site().absolute("/admin/login"),
                                "email", user.email())));
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

    private static UsersPage.Form form(Context ctx) {
        String role = ctx.formParam("role");
        return new UsersPage.Form(
                value(ctx.formParam("email")),
                value(ctx.formParam("name")),
                role == null ? Role.TRANSLATOR.code() : role,
                Set.copyOf(ctx.formParams("languages")));
    }

    private static String value(String s) {
        return s == null ? "" : s;
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

    private void render(
            Context ctx, int status, Map<String, String> errors, UsersPage.Form form, UsersPage.HandOver handOver) {
        NewsroomLayout layout = n.layouts().layout(ctx, "newsroom.users.title");
        var msg = layout.messages();
        List<UsersPage.Row> rows = accounts.all().stream()
                .map(u -> new UsersPage.Row(
                        u,
                        msg.get("newsroom.role." + u.role().code()),
                        u.languages().stream().sorted().map(msg::languageName).collect(Collectors.joining(", "))))
                .toList();
        UsersPage page = new UsersPage(
                layout,
                rows,
                ROLES.stream().map(Role::code).toList(),
                n.site().languages().stream().map(Language::code).toList(),
                errors,
                form == null ? UsersPage.Form.EMPTY : form,
                handOver);
        ctx.status(status).contentType(PageRenderer.HTML).result(n.renderer().render("newsroom/users.jte", page));
    }
}
