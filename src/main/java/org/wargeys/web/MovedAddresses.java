package org.wargeys.web;

import java.util.Optional;

/**
 * Where an address that no page answers has moved to (old links from a previous system). Asked
 * before a 404 page is shown; a found address is answered with 301. Implementations are thread-safe.
 */
@FunctionalInterface
public interface MovedAddresses {

    /** The new path for a request path and its raw query (may be null), if it has moved. */
    Optional<String> find(String path, String query);

    MovedAddresses NONE = (path, query) -> Optional.empty();
}
