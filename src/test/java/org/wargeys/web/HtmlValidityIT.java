package org.wargeys.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.HtmlChecker;
import org.wargeys.testsupport.TestSite;

/** Every public page type passes the Nu HTML Checker with zero errors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlValidityIT {

    TestSite site;

    @BeforeAll
    void start() {
        site = TestSite.start(DatabaseKind.SQLITE);
    }

    @AfterAll
    void stop() {
        site.deleteData();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/en/",
                "/so/",
                "/ar/",
                "/en/2020/12/iran-vows-soleimani-revenge",
                "/so/2020/12/iran-oo-ballan-qaaday",
                "/en/no-such-page",
                "/ar/2020/12/missing",
                "/en/2020/12/%2e%2e%2fx"
            })
    void page_is_valid_html(String path) {
        var response = site.get(path);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
                .isEqualToIgnoringCase("text/html;charset=utf-8");
        assertThat(HtmlChecker.errors(response.body())).as(path).isEmpty();
    }
}
