package org.wargeys.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wargeys.article.ArticleStatus;

class ImporterPartsTest {

    @Test
    void wordpress_states_map_onto_the_workflow() {
        assertThat(WordPressValues.status("publish")).contains(ArticleStatus.PUBLISHED);
        assertThat(WordPressValues.status("future")).contains(ArticleStatus.SCHEDULED);
        assertThat(WordPressValues.status("draft")).contains(ArticleStatus.DRAFT);
        assertThat(WordPressValues.status("pending")).contains(ArticleStatus.IN_REVIEW);
        assertThat(WordPressValues.status("private")).contains(ArticleStatus.DRAFT);
        assertThat(WordPressValues.status("trash")).isEmpty();
        assertThat(WordPressValues.status("auto-draft")).isEmpty();
    }

    @Test
    void social_snap_counts_are_read_per_network_without_the_total() {
        Map<String, Long> counts = WordPressValues.shareCounts(Map.of(
                "ss_ss_click_share_count_facebook",
                "12",
                "ss_share_count_twitter",
                "3",
                "ss_total_share_count",
                "15",
                "ss_ss_click_share_count_pinterest",
                "not a number",
                "_edit_last",
                "1"));
        assertThat(counts).containsOnly(Map.entry("facebook", 12L), Map.entry("twitter", 3L));
    }

    @Test
    void an_image_without_alt_text_or_title_is_described_by_its_file_name() {
        assertThat(WordPressValues.fileName(
                        "https://x.example/wp-content/uploads/2024/03/harbour_view-at-dawn.jpg?w=640"))
                .isEqualTo("harbour view at dawn");
        assertThat(WordPressValues.fileName(
                        "https://x.example/wp-content/uploads/2024/03/%D9%85%D9%8A%D9%86%D8%A7%D8%A1.png"))
                .isEqualTo("ميناء");
        assertThat(WordPressValues.fileName("https://x.example/")).isEqualTo("x.example");
        assertThat(WordPressValues.fileName("https://x.example/wp-content/uploads/.jpg"))
                .isEqualTo("Image");
    }

    @Test
    void polylang_maps_are_read_and_nothing_else_is() {
        assertThat(PhpArray.stringToIds("a:2:{s:2:\"en\";i:12;s:2:\"so\";i:34;}"))
                .containsExactly(Map.entry("en", 12L), Map.entry("so", 34L));
        assertThat(PhpArray.stringToIds("O:8:\"stdClass\":0:{}")).isEmpty();
    }

    @Test
    void language_tags_become_codes() {
        assertThat(WordPressValues.languageCode("en-US")).isEqualTo("en");
        assertThat(WordPressValues.languageCode("so_SO")).isEqualTo("so");
        assertThat(WordPressValues.languageCode("")).isNull();
    }

    @Test
    void old_addresses_are_normalised_for_lookup() {
        assertThat(OldPaths.normalize("/2024/03/Rains-Fail", null)).isEqualTo("/2024/03/rains-fail/");
        assertThat(OldPaths.normalize("/", "p=0012&utm_source=x")).isEqualTo("/?p=12");
        assertThat(OldPaths.normalize("/%D9%81%D8%B4%D9%84/", null)).isEqualTo("/فشل/");
    }

    @Test
    void media_types_are_told_by_their_bytes_not_their_names() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};
        assertThat(MediaCopier.MediaTypes.sniff(png, png.length)).contains("image/png");
        byte[] script = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        assertThat(MediaCopier.MediaTypes.sniff(script, script.length)).isEmpty();
    }

    @Test
    void media_addresses_cannot_lead_outside_the_uploads_folder(@TempDir Path dir) throws Exception {
        Path uploads = Files.createDirectories(dir.resolve("uploads/2024/03"));
        Files.write(uploads.resolve("a.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
        Files.write(dir.resolve("secret.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
        Files.writeString(uploads.resolve("fake.jpg"), "not an image");
        MediaCopier copier = new MediaCopier(dir.resolve("uploads"), org.wargeys.platform.FileStore.folder(dir));
        assertThat(copier.copy("https://x.org/wp-content/uploads/2024/03/a.png").map(MediaCopier.Copied::path))
                .contains("/media/wordpress/2024/03/a.png");
        assertThat(dir.resolve("media/wordpress/2024/03/a.png")).exists();
        assertThat(copier.copy("https://x.org/wp-content/uploads/../secret.png"))
                .isEmpty();
        assertThat(copier.copy("https://x.org/wp-content/uploads/%2e%2e/secret.png"))
                .isEmpty();
        assertThat(copier.copy("https://x.org/wp-content/uploads/2024/03/fake.jpg"))
                .isEqualTo(Optional.empty());
        assertThat(copier.rewrite("<img src=\"https://x.org/wp-content/uploads/2024/03/a.png\">"))
                .isEqualTo("<img src=\"/media/wordpress/2024/03/a.png\">");
        copier.undo();
        assertThat(dir.resolve("media/wordpress/2024/03/a.png")).doesNotExist();
    }

    @Test
    void the_progress_bar_fills_with_the_bytes_read() {
        assertThat(ProgressBar.line(0)).isEqualTo("[                              ]   0%");
        assertThat(ProgressBar.line(50)).isEqualTo("[###############               ]  50%");
    }
}
