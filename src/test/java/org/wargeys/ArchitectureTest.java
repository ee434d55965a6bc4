package org.wargeys;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
        noClasses().that().resideInAPackage("org.wargeys.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.wargeys.web..", "org.wargeys.article..", "org.wargeys.translation..", "org.wargeys.pages..",
                        "org.wargeys.demo..", "io.javalin..", "gg.jte..")
                .check(CLASSES);
    }

    @Test
    void web_knows_no_feature() {
        noClasses().that().resideInAPackage("org.wargeys.web..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.wargeys.article..", "org.wargeys.translation..", "org.wargeys.pages..", "org.wargeys.demo..")
                .check(CLASSES);
    }

    @Test
    void article_knows_neither_translation_nor_pages_nor_the_web_server() {
        noClasses().that().resideInAPackage("org.wargeys.article..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.wargeys.translation..", "org.wargeys.pages..", "org.wargeys.demo..", "io.javalin..",
                        "org.apache.lucene..")
                .check(CLASSES);
    }

    @Test
    void translation_does_not_depend_on_pages() {
        noClasses().that().resideInAPackage("org.wargeys.translation..")
                .should().dependOnClassesThat().resideInAnyPackage("org.wargeys.pages..", "org.wargeys.demo..")
                .check(CLASSES);
    }

    @Test
    void no_feature_depends_on_the_importer() {
        noClasses().that().resideOutsideOfPackages("org.wargeys", "org.wargeys.importer..")
                .should().dependOnClassesThat().resideInAPackage("org.wargeys.importer..")
                .check(CLASSES);
    }

    @Test
    void only_the_root_wires_the_program() {
        noClasses().that().resideOutsideOfPackage("org.wargeys")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.wargeys.Wiring")
                .check(CLASSES);
    }
}
