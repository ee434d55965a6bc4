package org.wargeys.article;

import java.util.Optional;
import org.wargeys.account.Role;
import org.wargeys.account.User;

/**
 * What a staff member may add to the taxonomy while saving an article: editors and administrators
 * create the tags they name; authors propose them to the editors; translators, the terminal and imports
 * only use tags that exist. Staff who write may add guest bylines; their own byline is made for them
 * the first time they sign an article. Immutable.
 *
 * @param user the staff member saving, if it is one
 */
record NewTerms(TagRule tags, boolean guests, Optional<User> user) {

    /** What a tag name that matches no tag becomes. */
    enum TagRule {
        CREATE,
        PROPOSE,
        REFUSE
    }

    static NewTerms of(Optional<User> user) {
        if (user.isEmpty() || !user.get().active()) return new NewTerms(TagRule.REFUSE, false, Optional.empty());
        Role role = user.get().role();
        TagRule tags = switch (role) {
            case ADMINISTRATOR, EDITOR -> TagRule.CREATE;
            case AUTHOR -> TagRule.PROPOSE;
            case TRANSLATOR -> TagRule.REFUSE;
        };
        return new NewTerms(tags, role != Role.TRANSLATOR, user);
    }
}
