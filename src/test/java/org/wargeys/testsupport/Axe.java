package org.wargeys.testsupport;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.util.List;

/**
 * Deque's axe-core run on a page in Chromium: every rule axe runs by default (WCAG 2.x A and AA and
 * its best practices). The page's browser context must bypass the page's CSP
 * ({@code setBypassCSP(true)}): axe is a script injected into the page, which the newsroom's CSP
 * rightly forbids.
 */
public final class Axe {

    private Axe() {}

    /** The violations on the page as it is now, one line each: rule, impact, what it says, where. */
    public static List<String> violations(Page page) {
        List<Rule> violations = new AxeBuilder(page).analyze().getViolations();
        return violations.stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream()
                                .map(node -> String.valueOf(node.getTarget()))
                                .toList()
                        + " on " + page.url())
                .toList();
    }
}
