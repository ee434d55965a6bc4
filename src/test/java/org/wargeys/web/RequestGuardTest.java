package org.wargeys.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestGuardTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/en/",
                "/en/2020/12/iran-vows-soleimani-revenge",
                "/so/2020/12/iran-oo-ballan-qaaday",
                "/ar/2020/12/%D8%A7%D9%8A%D8%B1%D8%A7%D9%86",
                "/assets/site.3b75482be5.css"
            })
    void accepts_real_addresses(String path) {
        assertThatCode(() -> RequestGuard.check(path)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/en/%zz",
                "/en/%4",
                "/en/%c3%28",
                "/en/%ff",
                "/a/../b",
                "/a/%2e%2e/b",
                "/a/%2E%2E%2Fb",
                "/a%2fb",
                "/a/./b",
                "/a%00b",
                "/a%5cb"
            })
    void refuses_broken_or_traversing_paths(String path) {
        assertThatThrownBy(() -> RequestGuard.check(path)).isInstanceOf(BadRequestException.class);
    }

    @org.junit.jupiter.api.Test
    void refuses_absurdly_long_paths() {
        assertThatThrownBy(() -> RequestGuard.check("/" + "a".repeat(RequestGuard.MAX_PATH_LENGTH)))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("error.request.too_long");
    }
}
