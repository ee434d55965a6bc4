package org.wargeys.newsroom;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wargeys.sharing.ShareCounts;
import org.wargeys.web.Messages;

/** Turns an article's share counts per day into the editor's small chart of the last 30 days. */
final class ShareCharts {

    private ShareCharts() {}

    static EditorPage.ShareChart of(ShareCounts.Totals totals, Clock clock, ZoneId zone, Messages msg) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate first = today.minusDays(EditorPage.ShareChart.DAYS - 1L);
        Map<LocalDate, Long> byDay = new HashMap<>();
        totals.days().forEach(d -> byDay.merge(d.day(), d.shares(), Long::sum));
        long max = 1;
        long inPeriod = 0;
        for (int i = 0; i < EditorPage.ShareChart.DAYS; i++) {
            long shares = byDay.getOrDefault(first.plusDays(i), 0L);
            max = Math.max(max, shares);
            inPeriod += shares;
        }
        List<EditorPage.ShareChart.Bar> bars = new ArrayList<>();
        for (int i = 0; i < EditorPage.ShareChart.DAYS; i++) {
            LocalDate day = first.plusDays(i);
            long shares = byDay.getOrDefault(day, 0L);
            int height = (int) Math.round(100.0 * shares / max);
            bars.add(new EditorPage.ShareChart.Bar(
                    i * 10,
                    height,
                    msg.format("newsroom.shares.bar", Map.of("date", day.toString(), "count", shares))));
        }
        String summary = msg.format(
                "newsroom.shares.summary",
                Map.of("total", totals.total(), "days", EditorPage.ShareChart.DAYS, "period", inPeriod));
        return new EditorPage.ShareChart(totals.total(), summary, bars);
    }
}
