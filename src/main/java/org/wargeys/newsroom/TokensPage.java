package org.wargeys.newsroom;

import java.util.List;
import java.util.Map;
import org.wargeys.api.AccessTokens;
import org.wargeys.api.ContentKeys;
import org.wargeys.api.Scope;

/**
 * The model of {@code newsroom/tokens.jte}: the staff member's personal access tokens and the form to
 * make one; for administrators, every token and the content keys. A secret just made is shown once.
 *
 * @param scopes the scopes this staff member's role can use
 * @param everyone every staff member's tokens (administrators), else empty
 * @param keys the content keys (administrators), else empty
 * @param newSecret a token or key just made, shown this once; null otherwise
 */
public record TokensPage(
        NewsroomLayout layout,
        List<AccessTokens.Token> own,
        List<Scope> scopes,
        List<Integer> lifetimes,
        List<AccessTokens.Token> everyone,
        List<ContentKeys.Key> keys,
        boolean administrator,
        String newSecret,
        Map<String, String> errors,
        String notice) {}
