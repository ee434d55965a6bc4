package org.wargeys.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class FixtureArticleParserTest {

    private final FixtureArticleParser parser = new FixtureArticleParser();

    private static String resource(String name) throws IOException {
        try (var in = FixtureArticleParserTest.class.getResourceAsStream("/demo/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void reads_headline_dateline_and_paragraphs_of_the_reference_article() throws IOException {
        FixtureArticle article = parser.parse(resource("seed-article.en.txt"));
        assertThat(article.headline())
                .isEqualTo("Iran Vows Soleimani Revenge As First Anniversary of Assassination Looms");
        assertThat(article.dateline().place()).isEqualTo("IRAN");
        assertThat(article.dateline().outlet()).isEqualTo("WARSOOR");
        assertThat(article.dateline().printed()).isEqualTo("IRAN – (WARSOOR) –");
        assertThat(article.paragraphs()).hasSize(16);
        assertThat(article.paragraphs().get(0)).startsWith("Iranian leaders have maintained a drumbeat of threats");
        assertThat(article.paragraphs().get(15)).endsWith("would likely not rush to follow through on its threats.");
    }

    @Test
    void drops_the_site_chrome_and_never_stores_it() throws IOException {
        FixtureArticle article = parser.parse(resource("seed-article.en.txt"));
        assertThat(String.join("\n", article.paragraphs()))
                .doesNotContain("This post is also available in")
                .doesNotContain("Share via")
                .doesNotContain("Copy link")
                .doesNotContain("Powered by Social Snap");
    }

    @Test
    void reads_the_somali_counterpart() throws IOException {
        FixtureArticle article = parser.parse(resource("seed-article.so.txt"));
        assertThat(article.headline()).startsWith("Iran oo ballan-qaaday");
        assertThat(article.dateline()).isEqualTo(new org.wargeys.article.Dateline("IRAN", "WARSOOR"));
        assertThat(article.paragraphs()).hasSize(3);
        assertThat(article.paragraphs().get(0)).startsWith("Hoggaamiyeyaasha Iran");
    }

    @Test
    void chrome_in_the_middle_of_an_article_is_kept_as_text() {
        FixtureArticle article =
                parser.parse("Headline\n\nShare via\n\nA real paragraph.\n\nCopy link\nPowered by Social Snap\n");
        assertThat(article.paragraphs()).containsExactly("Share via", "A real paragraph.");
    }

    @Test
    void a_text_without_dateline_keeps_its_first_paragraph() {
        FixtureArticle article =
                parser.parse("Headline\r\n\r\nNo dateline – here (really) – at all?\r\nSecond line.\r\n");
        assertThat(article.dateline().isEmpty()).isTrue();
        assertThat(article.paragraphs()).containsExactly("No dateline – here (really) – at all? Second line.");
    }

    @Test
    void accepts_hyphens_and_em_dashes_in_datelines() {
        assertThat(parser.parse("H\n\nMOGADISHU - (WARSOOR) - Text.").dateline().place())
                .isEqualTo("MOGADISHU");
        assertThat(parser.parse("H\n\nNAIROBI — (AGENCY) — Text.").dateline().outlet())
                .isEqualTo("AGENCY");
    }

    @Test
    void the_bundled_copies_match_the_shared_fixtures() throws IOException {
        Path shared = Path.of(System.getProperty("wargeys.projectDir", "."), "..", "shared", "fixtures");
        Assumptions.assumeTrue(Files.isDirectory(shared), "shared fixtures not beside the project");
        assertThat(resource("seed-article.en.txt")).isEqualTo(Files.readString(shared.resolve("seed-article.txt")));
        assertThat(resource("seed-article.so.txt")).isEqualTo(Files.readString(shared.resolve("seed-article.so.txt")));
    }
}
