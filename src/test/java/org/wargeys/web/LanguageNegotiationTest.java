package org.wargeys.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wargeys.platform.Language;
import org.wargeys.platform.Site;

class LanguageNegotiationTest {

    private final LanguageNegotiation negotiation = new LanguageNegotiation(new Site(
            "Warsoor",
            "WARSOOR",
            "http://localhost",
            ZoneId.of("UTC"),
            List.of(Language.of("en"), Language.of("so"), Language.of("ar"))));

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "so-SO,so;q=0.9,en;q=0.5 | so",
                "fr-FR, ar;q=0.8, en;q=0.3 | ar",
                "de | en",
                "'' | en",
                "en;q=0, so;q=0.1 | so",
                "!!garbage;;q=x | en",
                "AR-EG | ar",
            })
    void picks_the_readers_best_site_language(String header, String expected) {
        assertThat(negotiation.preferred(header).code()).isEqualTo(expected);
    }
}
