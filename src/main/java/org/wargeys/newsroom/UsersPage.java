package org.wargeys.newsroom;

import java.util.List;
import java.util.Map;
import org.wargeys.account.User;
import org.wargeys.platform.AuditEntry;

/**
 * The model of {@code newsroom/users.jte}: the accounts, the form to add one (with its errors) and
 * the latest lines of the audit log.
 */
public record UsersPage(
        NewsroomLayout layout,
        List<User> users,
        List<String> roles,
        List<String> languages,
        Map<String, String> errors,
        String notice,
        List<AuditLine> audit) {

    /** An audit log line with its time already formatted. */
    public record AuditLine(String at, AuditEntry entry) {}
}
