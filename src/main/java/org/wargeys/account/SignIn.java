package org.wargeys.account;

import java.util.Optional;

/** The outcome of a sign-in attempt. */
public sealed interface SignIn {

    /** The password matched. */
    record Accepted(User user) implements SignIn {}

    /** Unknown email or wrong password; which one is never told. */
    record Refused() implements SignIn {}

    /** Too many recent failures for this account or address; not even checked. */
    record Throttled() implements SignIn {}

    default Optional<User> accepted() {
        return this instanceof Accepted accepted ? Optional.of(accepted.user()) : Optional.empty();
    }
}
