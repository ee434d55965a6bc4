package org.wargeys.api;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.wargeys.account.Role;

/**
 * What a personal access token may be used for. A token never does more than its owner's role allows
 * ({@code article.Permissions} decides on every request); its scopes narrow that further.
 */
public enum Scope {
    /** Read articles in any status the owner may edit (drafts, review, scheduled). */
    READ_DRAFTS("drafts:read"),
    /** Create and edit articles, submit them, start and update translations. */
    WRITE_ARTICLES("articles:write"),
    /** Schedule, publish, unpublish, return to draft, pin, add corrections. */
    PUBLISH("articles:publish"),
    /** Upload images to the media library. */
    MEDIA("media:write"),
    /** Define and rename sections and tags. */
    TAXONOMY("taxonomy:write");

    private final String code;

    Scope(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The message key of the scope's description in the newsroom. */
    public String messageKey() {
        return "newsroom.tokens.scope." + name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Scope> of(String code) {
        for (Scope s : values()) {
            if (s.code.equals(code)) return Optional.of(s);
        }
        return Optional.empty();
    }

    /**
     * The scopes a role could ever use: a translator creates no article of their own, uploads nothing
     * and publishes nothing; an author does not publish or define sections and tags.
     */
    public static Set<Scope> usableBy(Role role) {
        return switch (role) {
            case ADMINISTRATOR, EDITOR -> EnumSet.allOf(Scope.class);
            case AUTHOR -> EnumSet.of(READ_DRAFTS, WRITE_ARTICLES, MEDIA);
            case TRANSLATOR -> EnumSet.of(READ_DRAFTS, WRITE_ARTICLES);
        };
    }
}
