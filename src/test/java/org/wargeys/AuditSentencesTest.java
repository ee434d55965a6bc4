package org.wargeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
import org.wargeys.article.WorkflowStep;
import org.wargeys.web.MessageBundles;

/**
 * Every action the code base writes to the audit log reads as a sentence on the audit log page, in
 * every language: each action code has its {@code newsroom.audit.line.<code>} in en, so and ar. The
 * codes are the dotted literals of the statements that write an audit line (as MessageKeysTest tells
 * them apart), plus those the code builds from parts, listed here with the part they are built from.
 */
class AuditSentencesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern AUDIT_LINE = Pattern.compile("audit(\\(\\))?\\.record\\(|goLive\\(");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z][a-z0-9_]*(?:\\.[a-z0-9_-]+)+)\"");

    /** Codes made at run time: the source fragment that makes them, and what it makes. */
    private static final Map<String, Set<String>> BUILT = Map.of(
            "\"article.\" + step.code()",
            Set.copyOf(Arrays.stream(WorkflowStep.values())
                    .map(s -> "article." + s.code())
                    .toList()),
            "code + \".define\"",
            Set.of("section.define", "tag.define", "author.define"),
            "ok ? \"login.succeeded\" : \"login.failed\"",
            Set.of("login.succeeded", "login.failed"));

    @ParameterizedTest
    @ValueSource(strings = {"en", "so", "ar"})
    void every_audit_action_has_its_sentence(String language) {
        Map<String, String> bundle = MessageBundles.load(language);
        Map<String, String> missing = new TreeMap<>();
        actions().forEach((code, where) -> {
            if (!bundle.containsKey("newsroom.audit.line." + code)) missing.put(code, where);
        });
        assertThat(missing)
                .as("audit actions without a sentence in messages_" + language + ".properties (code → first use)")
                .isEmpty();
        assertThat(bundle).containsKeys("newsroom.audit.line.other", "newsroom.audit.line.login.failed_disabled");
    }

    @Test
    void the_scan_finds_the_actions_it_should() {
        // A guard on the scanner: if it found nothing, the test above could not fail.
        assertThat(actions())
                .containsKeys(
                        "article.publish",
                        "article.save",
                        "user.create",
                        "settings.feeds",
                        "article.submit",
                        "tag.define",
                        "note.add",
                        "assignment.create")
                .doesNotContainKeys("article.", ".define");
    }

    @Test
    void the_codes_built_at_run_time_are_still_built_that_way() {
        String all = sources();
        for (String fragment : BUILT.keySet()) {
            assertThat(all)
                    .as("the code that builds audit actions: " + fragment)
                    .contains(fragment);
        }
    }

    /** Action code → the first file that records it. */
    static Map<String, String> actions() {
        Map<String, String> codes = new TreeMap<>();
        for (Path file : files()) {
            for (String statement : read(file).split(";")) {
                if (!AUDIT_LINE.matcher(statement).find()) continue;
                Matcher m = LITERAL.matcher(statement);
                while (m.find()) codes.putIfAbsent(m.group(1), file.toString());
            }
        }
        BUILT.values().forEach(set -> set.forEach(code -> codes.putIfAbsent(code, "(built at run time)")));
        return codes;
    }

    private static String sources() {
        StringBuilder all = new StringBuilder();
        for (Path file : files()) all.append(read(file));
        return all.toString();
    }

    private static Iterable<Path> files() {
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
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

    static Set<String> sorted(Set<String> set) {
        return new TreeSet<>(set);
    }
}
