package org.wargeys.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;

/** An article page needs one stylesheet and at most one small script, under 15 KB compressed together. */
class AssetBudgetIT {

    @Test
    void article_page_assets_stay_within_budget() throws IOException {
        try (TestSite site = TestSite.start(DatabaseKind.SQLITE)) {
            var page = Jsoup.parse(
                    site.get("/en/2020/12/iran-vows-soleimani-revenge").body());
            var stylesheets = page.select("link[rel=stylesheet]").eachAttr("href");
            var scripts = page.select("script[src]").eachAttr("src");
            assertThat(stylesheets).hasSize(1);
            assertThat(scripts).hasSizeLessThanOrEqualTo(1);
            assertThat(page.select("script:not([src]):not([type=application/ld+json])"))
                    .as("no inline script")
                    .isEmpty();
            int compressed = 0;
            for (String asset : concat(stylesheets, scripts)) {
                var response = site.get(asset);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("Cache-Control"))
                        .hasValue("public, max-age=31536000, immutable");
                compressed += gzipSize(response.body());
            }
            assertThat(compressed).as("CSS + JS bytes, gzipped").isLessThan(15 * 1024);
            site.deleteData();
        }
    }

    private static java.util.List<String> concat(java.util.List<String> a, java.util.List<String> b) {
        var all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static int gzipSize(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.size();
    }
}
