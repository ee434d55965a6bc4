package org.wargeys.article;

import java.util.List;

/**
 * Many articles changed at once (an import): listeners update in bulk — one index refresh and commit,
 * one cache purge — instead of once per article, which for 20,000 imported posts meant 20,000 index
 * commits. Published, drafted or unpublished: each listener reads the articles' current state.
 */
public record ArticlesChanged(List<Long> articleIds) {
    public ArticlesChanged {
        articleIds = List.copyOf(articleIds);
    }
}
