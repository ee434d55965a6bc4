package org.wargeys.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wargeys.article.ArticleDraft;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;

class RestartIT {

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void restart_keeps_the_data_and_does_not_duplicate_the_demo(DatabaseKind kind) {
        TestSite site = TestSite.start(kind);
        try {
            assertThat(site.wiring().articles().service().count()).isEqualTo(2);
            var extra = site.wiring()
                    .articles()
                    .service()
                    .createDraft(
                            new ArticleDraft(
                                    "en",
                                    null,
                                    "Written before the restart",
                                    null,
                                    null,
                                    null,
                                    "Kept.",
                                    null,
                                    null,
                                    null),
                            Actor.TERMINAL);
            site.wiring().articles().service().publish(extra.id(), Actor.TERMINAL);

            site = site.restart();

            assertThat(site.wiring().articles().service().count()).isEqualTo(3);
            assertThat(site.html("/en/").select(".teaser h2 a").eachText())
                    .containsExactly(
                            "Written before the restart",
                            "Iran Vows Soleimani Revenge As First Anniversary of Assassination Looms");
            assertThat(site.get("/so/2020/12/iran-oo-ballan-qaaday").statusCode())
                    .isEqualTo(200);
        } finally {
            site.deleteData();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void no_demo_leaves_an_empty_site(DatabaseKind kind) {
        TestSite site = TestSite.start(kind, false);
        try {
            assertThat(site.wiring().articles().service().count()).isZero();
            assertThat(site.html("/en/").select(".empty").text())
                    .isEqualTo("Nothing has been published in this language yet.");
        } finally {
            site.deleteData();
        }
    }
}
