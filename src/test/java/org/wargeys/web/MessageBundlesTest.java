package org.wargeys.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wargeys.platform.Language;
import org.wargeys.platform.Site;

class MessageBundlesTest {

    @ParameterizedTest
    @ValueSource(strings = {"so", "ar"})
    void every_bundle_has_every_english_key_and_the_same_placeholders(String language) {
        Map<String, String> english = MessageBundles.load("en");
        Map<String, String> other = MessageBundles.load(language);
        assertThat(other.keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
        english.forEach((key, value) -> assertThat(placeholders(other.get(key)))
                .as(language + ":" + key)
                .isEqualTo(placeholders(value)));
    }

    @Test
    void somali_strings_follow_the_outlets_own_site() {
        var messages = new MessageBundles(
                        new Site("W", "W", "http://x", ZoneId.of("UTC"), List.of(Language.of("en"), Language.of("so"))))
                .of("so");
        assertThat(messages.format("translation.also_available_in", Map.of("languages", "Ingiriisi")))
                .isEqualTo("Qoraalkan waxaa sidoo kale lagu heli karaa: Ingiriisi");
        assertThat(messages.get("sharing.share_via")).isEqualTo("Ku wadaag");
        assertThat(messages.get("sharing.copy_link")).isEqualTo("Koobiyee xiriirka");
        assertThat(messages.languageName("en")).isEqualTo("Ingiriisi");
    }

    private static List<String> placeholders(String text) {
        return java.util.regex.Pattern.compile("\\{[a-z_]+}")
                .matcher(text)
                .results()
                .map(r -> r.group())
                .sorted()
                .toList();
    }
}
