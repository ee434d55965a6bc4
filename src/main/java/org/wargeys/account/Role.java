package org.wargeys.account;

import java.util.Locale;

/** What a staff member may do in the newsroom; see {@code newsroom.Permissions} for the rules. */
public enum Role {
    /** Everything, including users and settings. */
    ADMINISTRATOR,
    /** Edits and publishes any article. */
    EDITOR,
    /** Writes articles and submits their own for review. */
    AUTHOR,
    /** Translates into assigned languages and submits translations for review. */
    TRANSLATOR;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a role code; {@code admin} is accepted for administrator, as operators type it. */
    public static Role of(String code) {
        String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        if (c.equals("admin")) return ADMINISTRATOR;
        for (Role role : values()) {
            if (role.code().equals(c)) return role;
        }
        throw new IllegalArgumentException("No role '" + code + "' (administrator, editor, author or translator)");
    }
}
