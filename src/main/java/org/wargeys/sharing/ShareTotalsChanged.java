package org.wargeys.sharing;

import java.util.List;

/** These articles were shared since the last refresh: the share totals their pages print are old. */
public record ShareTotalsChanged(List<Long> articleIds) {
    public ShareTotalsChanged {
        articleIds = List.copyOf(articleIds);
    }
}
