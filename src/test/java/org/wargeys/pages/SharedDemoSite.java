package org.wargeys.pages;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;

/**
 * The demo site started once for a whole test class, on the database its subclass names, and deleted
 * after it. A subclass's own {@code @BeforeAll} runs after this one, with {@link #site} ready.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SharedDemoSite {

    static final String EN = "/en/2020/12/iran-vows-soleimani-revenge";
    static final String SO = "/so/2020/12/iran-oo-ballan-qaaday";

    TestSite site;

    @Parameter
    DatabaseKind database;

    DatabaseKind database() {
        return database;
    }

    @BeforeParameterizedClassInvocation
    void startSite() {
        site = TestSite.start(database());
    }

    @AfterParameterizedClassInvocation
    void deleteSite() {
        if (site != null) site.deleteData();
    }
}
