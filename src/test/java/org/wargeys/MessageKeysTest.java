package org.wargeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wargeys.account.Role;
import org.wargeys.article.ArticleStatus;
import org.wargeys.article.WorkflowStep;
import org.wargeys.web.MessageBundles;

/**
 * Every message key the code and the templates use exists in every bundle (en, so, ar): a key typed
 * in Java or a template without its three translations fails here, not in front of a Somali editor.
 * Keys are the string literals shaped like {@code feature.some_key} whose first part names a feature of
 * the bundles; the literals that are other things (audit actions, configuration keys, asset names)
 * are told apart as the method below says.
 */
class MessageKeysTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path TEMPLATES = Path.of("src/main/jte");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z][a-z0-9_]*(?:\\.[a-z0-9_]+)+)\"");
    /** A statement that writes an audit line: its dotted literals are action codes. */
    private static final Pattern AUDIT_LINE = Pattern.compile("audit(\\(\\))?\\.record\\(|goLive\\(");
    /** Files whose dotted literals are configuration keys, not message keys. */
    private static final Set<String> CONFIGURATION = Set.of(
            "ConfigLoader.java",
            "ShareSettings.java",
            "FeedSettings.java",
            "S3Settings.java",
            "MediaModule.java",
            "SiteXAccount.java",
            "ApiSettings.java",
            "WebhookModule.java",
            "AuditSentences.java",
            "LinkSigner.java");

    @ParameterizedTest
    @ValueSource(strings = {"en", "so", "ar"})
    void every_key_used_in_code_or_templates_is_in_the_bundle(String language) {
        Map<String, String> bundle = MessageBundles.load(language);
        Map<String, String> missing = new TreeMap<>();
        usedKeys().forEach((key, where) -> {
            if (!bundle.containsKey(key)) missing.put(key, where);
        });
        assertThat(missing)
                .as("keys missing from messages_" + language + ".properties (key → first use)")
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "so", "ar"})
    void keys_made_from_codes_exist_for_every_code(String language) {
        Map<String, String> bundle = MessageBundles.load(language);
        Set<String> needed = new TreeSet<>();
        Arrays.stream(Role.values()).forEach(r -> needed.add("newsroom.role." + r.code()));
        Arrays.stream(WorkflowStep.values()).forEach(s -> needed.add("newsroom.workflow." + s.code()));
        Arrays.stream(ArticleStatus.values()).forEach(s -> needed.add("newsroom.state." + s.code()));
        Arrays.stream(WorkflowStep.values()).forEach(s -> needed.add("newsroom.flash.step." + s.code()));
        needed.add("newsroom.state.outdated");
        needed.add("newsroom.state.missing");
        // What a subscriber chose (NewsletterMails.chosen).
        for (String chosen : List.of("alerts", "digest", "both")) {
            needed.add("newsletter.confirmed_text." + chosen);
            needed.add("newsletter.mail.confirm_text." + chosen);
        }
        assertThat(bundle.keySet()).containsAll(needed);
    }

    @Test
    void the_scan_finds_the_keys_it_should() {
        // A guard on the scanner itself: if it found nothing, the test above could not fail.
        assertThat(usedKeys())
                .containsKeys("article.error.headline_required", "newsroom.editor.invalid", "media.error.not_an_image")
                .doesNotContainKeys("article.save", "site.css", "sharing.networks");
    }

    /** Key → the first file that uses it. */
    static Map<String, String> usedKeys() {
        Set<String> prefixes = new TreeSet<>();
        MessageBundles.load("en").keySet().forEach(k -> prefixes.add(k.substring(0, k.indexOf('.'))));
        Map<String, String> keys = new TreeMap<>();
        for (Path file : files(SOURCES, ".java")) {
            if (CONFIGURATION.contains(file.getFileName().toString())) continue;
            // Statement by statement: the dotted literals of an audit line are its action codes.
            for (String statement : read(file).split(";")) {
                if (AUDIT_LINE.matcher(statement).find()) continue;
                collect(statement, file, prefixes, keys);
            }
        }
        for (Path file : files(TEMPLATES, ".jte")) collect(read(file), file, prefixes, keys);
        return keys;
    }

    private static void collect(String text, Path file, Set<String> prefixes, Map<String, String> keys) {
        Matcher m = LITERAL.matcher(text);
        while (m.find()) {
            String literal = m.group(1);
            if (literal.matches(".*\\.(css|js|png|svg|xml|txt|json|jte|properties)$")) continue;
            if (prefixes.contains(literal.substring(0, literal.indexOf('.')))) {
                keys.putIfAbsent(literal, file.toString());
            }
        }
    }

    private static Iterable<Path> files(Path root, String suffix) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
