package org.wargeys.newsroom;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wargeys.account.Role;
import org.wargeys.account.User;

/**
 * The model of {@code newsroom/users.jte}: the accounts as a compact table, the form to add one (as
 * posted, with its errors) and, right after adding someone or giving them a new password, what to hand
 * over to them — shown this once.
 *
 * @param roles role codes from the least privileged to the most (the form's order; the first is chosen)
 * @param handOver null except on the answer that made a one-time password
 */
public record UsersPage(
        NewsroomLayout layout,
        List<Row> users,
        List<String> roles,
        List<String> languages,
        Map<String, String> errors,
        Form form,
        HandOver handOver) {

    /** An account with its role and languages worded in the page's language. */
    public record Row(User user, String role, String languages) {}

    /** The add form as posted. */
    public record Form(String email, String name, String role, Set<String> languages) {
        public static final Form EMPTY = new Form("", "", Role.TRANSLATOR.code(), Set.of());
    }

    /** A one-time password and what to tell its owner. */
    public record HandOver(String heading, String email, String password, String signInUrl, String tell) {}
}
