package org.wargeys.search;

import java.util.List;

/**
 * The search index caught up with article changes no event had announced on this node (a terminal
 * command's, a lost notification's, those before a crash): what shows these articles is out of date.
 */
public record IndexCaughtUp(List<Long> articleIds) {
    public IndexCaughtUp {
        articleIds = List.copyOf(articleIds);
    }
}
