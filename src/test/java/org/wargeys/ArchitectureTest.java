package org.wargeys;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the dependencies between packages as docs/architecture.md draws them: each package lists what
 * it may use (other packages of ours and libraries), and anything else fails the build. A new package
 * must be added to the table before its first class can pass.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.wargeys");

    /** What every package may use: the JDK, logging, database access, JSON, HTML parsing and in-memory caches. */
    private static final List<String> EVERYONE = List.of(
            "java..",
            "javax..",
            "org.slf4j..",
            "org.jdbi..",
            "com.fasterxml.jackson..",
            "org.jsoup..",
            "com.github.benmanes.caffeine..");

    private static final List<String> HTTP = List.of("io.javalin..", "jakarta.servlet..");

    /** Package → the packages of ours and the libraries it may use, besides its own and {@link #EVERYONE}. */
    private static final Map<String, List<String>> MAY_USE = Map.ofEntries(
            Map.entry(
                    "platform",
                    List.of(
                            "com.zaxxer.hikari..",
                            "org.flywaydb..",
                            "org.postgresql..",
                            "org.sqlite..",
                            "software.amazon.awssdk..")),
            Map.entry(
                    "web", concat(HTTP, "platform", "org.eclipse.jetty..", "gg.jte..", "com.aayushatharva.brotli4j..")),
            Map.entry("account", List.of("platform", "com.password4j..")),
            Map.entry("media", concat(HTTP, "platform")),
            Map.entry(
                    "article",
                    List.of(
                            "platform",
                            "account",
                            "media",
                            "org.commonmark..",
                            "org.owasp.html..",
                            "com.github.difflib..")),
            Map.entry("translation", List.of("platform", "article")),
            Map.entry("search", List.of("platform", "article", "org.apache.lucene..")),
            Map.entry("feed", List.of("platform", "web", "article")),
            Map.entry("sitemap", List.of("platform", "article")),
            Map.entry("sharing", concat(HTTP, "platform", "web", "article", "gg.jte..")),
            Map.entry("desk", List.of("platform", "account", "article", "mail", "web")),
            Map.entry("live", List.of("platform", "account", "media", "article")),
            Map.entry(
                    "newsroom",
                    concat(
                            HTTP,
                            "platform",
                            "web",
                            "account",
                            "media",
                            "article",
                            "translation",
                            "search",
                            "sharing",
                            "feed",
                            "api",
                            "webhook",
                            "desk",
                            "newsletter",
                            "mail",
                            "live")),
            Map.entry(
                    "pages",
                    concat(
                            HTTP,
                            "platform",
                            "web",
                            "media",
                            "article",
                            "translation",
                            "search",
                            "sharing",
                            "feed",
                            "sitemap",
                            "live",
                            "gg.jte..")),
            Map.entry("demo", List.of("platform", "article")),
            Map.entry(
                    "api",
                    concat(HTTP, "platform", "web", "account", "media", "article", "translation", "search", "pages")),
            Map.entry("webhook", List.of("platform", "article")),
            Map.entry(
                    "mail",
                    List.of(
                            "platform",
                            "jakarta.mail..",
                            "org.eclipse.angus.mail..",
                            "org.simplejavamail.utils.mail.dkim..")),
            Map.entry("newsletter", concat(HTTP, "platform", "web", "article", "media", "mail", "gg.jte..")),
            Map.entry("backup", List.of("platform")),
            Map.entry(
                    "metrics",
                    concat(
                            HTTP,
                            "platform",
                            "web",
                            "search",
                            "webhook",
                            "mail",
                            "io.micrometer..",
                            "com.sun.net.httpserver..")),
            Map.entry("importer", concat(HTTP, "platform", "web", "media", "article", "translation", "pages")));

    static Stream<String> packages() {
        return MAY_USE.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("packages")
    void each_package_uses_only_what_it_is_allowed(String name) {
        List<String> allowed = new ArrayList<>(EVERYONE);
        allowed.add("org.wargeys." + name + "..");
        for (String use : MAY_USE.get(name)) allowed.add(use.contains(".") ? use : "org.wargeys." + use + "..");
        classes()
                .that()
                .resideInAPackage("org.wargeys." + name + "..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(allowed.toArray(String[]::new))
                .check(CLASSES);
    }

    @Test
    void every_package_is_in_the_table() {
        Set<String> found = CLASSES.stream()
                .map(JavaClass::getPackageName)
                .filter(p -> p.startsWith("org.wargeys."))
                .map(p -> p.substring("org.wargeys.".length()).split("\\.")[0])
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(MAY_USE.keySet())
                .as("packages without rules in ArchitectureTest")
                .containsAll(found);
    }

    @Test
    void packages_have_no_cycles() {
        slices().matching("org.wargeys.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void only_the_root_wires_the_program() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.wargeys")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.wargeys.Wiring")
                .check(CLASSES);
    }

    @Test
    void repositories_are_private_to_their_feature() {
        classes()
                .that()
                .haveSimpleNameEndingWith("Repository")
                .should()
                .notBePublic()
                .check(CLASSES);
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }
}
