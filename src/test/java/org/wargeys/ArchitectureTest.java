package org.wargeys;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps package dependencies pointing one way (docs/architecture.md). */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.wargeys");

    @Test
    void packages_have_no_cycles() {
        slices().matching("org.wargeys.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void platform_knows_no_feature() {
        noClasses()
                .that()
                .resideInAPackage("org.wargeys.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.wargeys.web..",
                        "org.wargeys.article..",
                        "org.wargeys.translation..",
                        "org.wargeys.pages..",
                        "org.wargeys.demo..",
                        "org.wargeys.sharing..",
                        "org.wargeys.account..",
                        "org.wargeys.newsroom..",
                        "io.javalin..",
                        "gg.jte..")
                .check(CLASSES);
    }

    @Test
    void web_knows_no_feature() {
        noClasses()
                .that()
                .resideInAPackage("org.wargeys.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.wargeys.article..",
                        "org.wargeys.translation..",
                        "org.wargeys.pages..",
                        "org.wargeys.demo..",
                        "org.wargeys.sharing..",
                        "org.wargeys.account..",
                        "org.wargeys.newsroom..")
                .check(CLASSES);
    }

    @Test
    void accounts_know_no_content_and_no_web_server() {
        noClasses()
                .that()
                .resideInAPackage("org.wargeys.account..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.wargeys.web..",
                        "org.wargeys.article..",
                        "org.wargeys.translation..",
                        "org.wargeys.pages..",
                        "org.wargeys.newsroom..",
                        "org.wargeys.demo..",
                        "io.javalin..",
                        "gg.jte..")
                .check(CLASSES);
    }

    @Test
    void media_knows_no_article_and_no_newsroom() {
        noClasses()
                .that()
                .resideInAPackage("org.wargeys.media..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.wargeys.article..",
                        "org.wargeys.translation..",
                        "org.wargeys.pages..",
                        "org.wargeys.newsroom..",
                        "org.wargeys.account..",
                        "org.wargeys.demo..")
                .check(CLASSES);
    }

    @Test
    void the_newsroom_does_not_depend_on_public_pages() {
        noClasses()
                .that()
                .resideInAPackage("org.wargeys.newsroom..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.wargeys.pages..", "org.wargeys.demo..")
                .check(CLASSES);
    }

    @Test
    void article_knows_neither_translation_nor_pages_nor_the_web_server() {
        noClasses()
                .that()
                .resideInAPackage("org.wargeys.article..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.wargeys.translation..",
                        "org.wargeys.pages..",
                        "org.wargeys.demo..",
                        "org.wargeys.sharing..",
                        "io.javalin..",
                        "org.apache.lucene..",
                        "org.wargeys.account..",
                        "org.wargeys.newsroom..")
                .check(CLASSES);
    }

    @Test
    void translation_does_not_depend_on_pages() {
        noClasses()
                .that()
                .resideInAPackage("org.wargeys.translation..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.wargeys.pages..",
                        "org.wargeys.demo..",
                        "org.wargeys.account..",
                        "org.wargeys.newsroom..",
                        "org.wargeys.sharing..")
                .check(CLASSES);
    }

    @Test
    void sharing_uses_article_and_translation_but_not_pages() {
        noClasses()
                .that()
                .resideInAPackage("org.wargeys.sharing..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.wargeys.pages..", "org.wargeys.demo..")
                .check(CLASSES);
    }

    @Test
    void search_feed_and_sitemap_know_neither_pages_nor_the_web_server() {
        noClasses()
                .that()
                .resideInAnyPackage("org.wargeys.search..", "org.wargeys.feed..", "org.wargeys.sitemap..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.wargeys.pages..", "org.wargeys.demo..", "io.javalin..")
                .check(CLASSES);
    }

    @Test
    void only_search_uses_lucene() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.wargeys.search..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.apache.lucene..")
                .check(CLASSES);
    }

    @Test
    void no_feature_depends_on_the_importer() {
        noClasses()
                .that()
                .resideOutsideOfPackages("org.wargeys", "org.wargeys.importer..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.wargeys.importer..")
                .check(CLASSES);
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
}
