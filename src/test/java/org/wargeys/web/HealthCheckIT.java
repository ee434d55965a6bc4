package org.wargeys.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;

class HealthCheckIT {

    @Test
    void healthz_is_503_when_the_database_does_not_answer() {
        TestSite site = TestSite.start(DatabaseKind.SQLITE, false);
        try {
            assertThat(site.get("/healthz").statusCode()).isEqualTo(200);
            site.wiring().database().close();
            var response = site.get("/healthz");
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).contains("\"status\":\"unavailable\"");
        } finally {
            site.close();
            site.deleteData();
        }
    }
}
