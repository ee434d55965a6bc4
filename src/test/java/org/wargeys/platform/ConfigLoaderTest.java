package org.wargeys.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void defaults_serve_the_demo_on_8080_from_data() {
        Config config = new ConfigLoader(Map.of()).load(Map.of(), null);
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.dataDir()).isEqualTo(Path.of("data"));
        assertThat(config.embeddedDatabase()).isTrue();
        assertThat(config.loadDemo()).isTrue();
        assertThat(config.languages()).containsExactly("en", "so", "ar");
    }

    @Test
    void flag_beats_environment_beats_file() throws Exception {
        Path file = dir.resolve("wargeys.properties");
        Files.writeString(file, "port=7000\ndata=/from/file\nsite.name=Filed\n");
        var env = Map.of("WARGEYS_PORT", "7001", "WARGEYS_DATA", "/from/env");
        Config config = new ConfigLoader(env).load(Map.of("port", "7002"), file);
        assertThat(config.port()).isEqualTo(7002);
        assertThat(config.dataDir()).isEqualTo(Path.of("/from/env"));
        assertThat(config.siteName()).isEqualTo("Filed");
    }

    @Test
    void postgres_url_switches_off_the_embedded_database() {
        Config config = new ConfigLoader(Map.of("WARGEYS_DB_URL", "jdbc:postgresql://db/wargeys")).load(Map.of(), null);
        assertThat(config.embeddedDatabase()).isFalse();
    }

    @Test
    void bad_values_get_clear_errors() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Map.of("port", "eighty"), null))
                .hasMessage("The port must be a number, not 'eighty'");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Map.of("port", "70000"), null))
                .hasMessageContaining("between 0 and 65535");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Map.of(), dir.resolve("missing.properties")))
                .hasMessageContaining("Cannot read the config file");
    }

    @Test
    void the_smtp_password_comes_from_the_environment_only() throws Exception {
        Config config = new ConfigLoader(
                        Map.of("WARGEYS_MAIL_SMTP_PASSWORD", "s3cret", "WARGEYS_MAIL_SMTP_HOST", "smtp"))
                .load(Map.of(), null);
        assertThat(config.settings())
                .containsEntry("mail.smtp.password", "s3cret")
                .containsEntry("mail.smtp.host", "smtp");

        Path file = dir.resolve("mail.properties");
        Files.writeString(file, "mail.smtp.host=smtp\nmail.smtp.password=s3cret\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Map.of(), file))
                .hasMessageContaining("WARGEYS_MAIL_SMTP_PASSWORD")
                .hasMessageNotContaining("s3cret");
    }
}
