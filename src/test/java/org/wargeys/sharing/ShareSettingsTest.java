package org.wargeys.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ShareSettingsTest {

    @Test
    void defaults_offer_every_network_in_the_documented_order() {
        ShareSettings settings = ShareSettings.from(Map.of());
        assertThat(settings.networks()).containsExactly(ShareNetwork.values());
        assertThat(settings.xHandle()).isNull();
        assertThat(settings.utm()).isFalse();
        assertThat(settings.socialProofThreshold()).isEqualTo(10);
        assertThat(settings.beaconLimitPerMinute()).isEqualTo(30);
    }

    @Test
    void networks_order_handle_and_utm_come_from_the_settings() {
        ShareSettings settings = ShareSettings.from(Map.of(
                "sharing.networks",
                " whatsapp, X ,copy,whatsapp",
                "sharing.x_handle",
                "@warsoor",
                "sharing.utm",
                "true",
                "sharing.utm.campaign",
                "news share"));
        assertThat(settings.networks()).containsExactly(ShareNetwork.WHATSAPP, ShareNetwork.X, ShareNetwork.COPY);
        assertThat(settings.xHandle()).isEqualTo("warsoor");
        assertThat(settings.sharedUrl("https://e.org/a", ShareNetwork.TELEGRAM))
                .isEqualTo("https://e.org/a?utm_source=telegram&utm_medium=social&utm_campaign=news%20share");
        assertThat(settings.sharedUrl("https://e.org/a", ShareNetwork.COPY)).isEqualTo("https://e.org/a");
    }

    @Test
    void bad_settings_are_refused_with_the_key_named() {
        assertThatThrownBy(() -> ShareSettings.from(Map.of("sharing.networks", "x,myspace")))
                .hasMessageContaining("myspace");
        assertThatThrownBy(() -> ShareSettings.from(Map.of("sharing.x_handle", "not a handle!")))
                .hasMessageContaining("X handle");
        assertThatThrownBy(() -> ShareSettings.from(Map.of("sharing.social_proof_threshold", "-1")))
                .hasMessageContaining("sharing.social_proof_threshold");
    }

    @Test
    void settings_come_from_the_config_file_and_the_environment() throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("wargeys", ".properties");
        try {
            java.nio.file.Files.writeString(
                    file, "sharing.networks=telegram,copy\nsharing.social_proof_threshold=50\n");
            var config = new org.wargeys.platform.ConfigLoader(Map.of("WARGEYS_SHARING_X_HANDLE", "warsoor"))
                    .load(Map.of(), file);
            ShareSettings settings = ShareSettings.from(config.settings());
            assertThat(settings.networks()).containsExactly(ShareNetwork.TELEGRAM, ShareNetwork.COPY);
            assertThat(settings.socialProofThreshold()).isEqualTo(50);
            assertThat(settings.xHandle()).isEqualTo("warsoor");
        } finally {
            java.nio.file.Files.delete(file);
        }
    }
}
