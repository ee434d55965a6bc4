package org.wargeys.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;

class HealthCheckIT {

    @Test
    void a_failure_is_a_localized_500_page_without_a_stack_trace() {
        TestSite site = TestSite.start(DatabaseKind.SQLITE, true);
        try {
            site.wiring().platform().database().close();
            var response = site.get("/so/2020/12/iran-oo-ballan-qaaday");
            assertThat(response.statusCode()).isEqualTo(500);
            var page = org.jsoup.Jsoup.parse(response.body());
            assertThat(page.selectFirst("html").attr("lang")).isEqualTo("so");
            assertThat(page.select("h1").text()).isEqualTo("Wax baa khaldamay");
            assertThat(response.body())
                    .doesNotContain("Exception")
                    .doesNotContain("at org.")
                    .doesNotContain("SQL");
            assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
        } finally {
            site.deleteData();
        }
    }

    @Test
    void healthz_is_503_when_the_database_does_not_answer() {
        TestSite site = TestSite.start(DatabaseKind.SQLITE, false);
        try {
            assertThat(site.get("/healthz").statusCode()).isEqualTo(200);
            site.wiring().platform().database().close();
            var response = site.get("/healthz");
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).contains("\"status\":\"unavailable\"");
        } finally {
            site.deleteData();
        }
    }
}
