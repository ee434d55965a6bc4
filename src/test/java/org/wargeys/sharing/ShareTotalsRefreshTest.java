package org.wargeys.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.wargeys.platform.EventBus;

/** The minute's shared articles are announced in slices small enough for one notification to other nodes. */
class ShareTotalsRefreshTest {

    private final EventBus events = new EventBus();
    private final List<ShareTotalsChanged> heard = new ArrayList<>();

    ShareTotalsRefreshTest() {
        events.subscribe(ShareTotalsChanged.class, heard::add);
    }

    @Test
    void a_busy_minute_is_announced_in_slices() {
        List<Long> shared = LongStream.rangeClosed(1, 1_200).boxed().toList();
        new ShareTotalsRefresh(() -> shared, ShareSettings.from(Map.of("sharing.social_proof_threshold", "10")), events)
                .run();

        assertThat(heard).extracting(e -> e.articleIds().size()).containsExactly(500, 500, 200);
        assertThat(heard.stream().flatMap(e -> e.articleIds().stream()).toList())
                .isEqualTo(shared);
    }

    @Test
    void nothing_is_announced_without_social_proof_or_without_shares() {
        new ShareTotalsRefresh(
                        () -> List.of(1L, 2L),
                        ShareSettings.from(Map.of("sharing.social_proof_threshold", "0")),
                        events)
                .run();
        new ShareTotalsRefresh(List::of, ShareSettings.from(Map.of("sharing.social_proof_threshold", "10")), events)
                .run();
        assertThat(heard).isEmpty();
    }
}
