package org.wargeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wargeys.platform.ConfigLoader;
import org.wargeys.platform.Direction;
import org.wargeys.platform.Language;
import org.wargeys.sharing.ShareSettings;

/**
 * What the newsroom's site settings rest on: the share networks the settings page starts from are
 * the share bar's defaults, languages are written with their direction when it is not their script's,
 * and the configuration records which keys the operator set (those the newsroom shows as pinned).
 */
class SiteSettingsDefaultsTest {

    @Test
    void the_settings_page_starts_from_the_share_bars_default_networks() throws Exception {
        var field = org.wargeys.platform.SiteSettings.class.getDeclaredField("DEFAULT_NETWORKS");
        field.setAccessible(true);
        assertThat(field.get(null)).isEqualTo(ShareSettings.DEFAULT_NETWORKS);
        assertThat(List.of(ShareSettings.DEFAULT_NETWORKS.split(",")))
                .containsExactlyElementsOf(ShareSettings.offered().keySet());
    }

    @Test
    void a_language_is_written_with_its_direction_only_when_its_script_does_not_say_it() {
        assertThat(Language.parse("ar").direction()).isEqualTo(Direction.RTL);
        assertThat(Language.parse("ar").spec()).isEqualTo("ar");
        assertThat(Language.parse("sw").spec()).isEqualTo("sw");
        Language pashtoLtr = Language.parse("ps:ltr");
        assertThat(pashtoLtr.direction()).isEqualTo(Direction.LTR);
        assertThat(pashtoLtr.spec()).isEqualTo("ps:ltr");
        assertThat(Language.parse("ha:rtl").spec()).isEqualTo("ha:rtl");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Language.parse("sw:up"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_configuration_records_which_keys_the_operator_set() {
        var config = new ConfigLoader(Map.of("WARGEYS_SITE_NAME", "Hiiraan"))
                .load(Map.of("site.timezone", "Africa/Nairobi"), null);
        assertThat(config.pinned()).contains("site.name", "site.timezone").doesNotContain("site.languages");
        assertThat(config.siteName()).isEqualTo("Hiiraan");
        assertThat(new ConfigLoader(Map.of()).load(Map.of(), null).pinned()).isEqualTo(Set.of());
    }
}
