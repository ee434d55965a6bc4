package org.wargeys.sharing;

import java.util.List;
import org.wargeys.platform.SharedEvent;

/** These articles were shared since the last refresh: the share totals their pages print are old. */
public record ShareTotalsChanged(List<Long> articleIds) implements SharedEvent {
    public ShareTotalsChanged {
        articleIds = List.copyOf(articleIds);
    }
}
