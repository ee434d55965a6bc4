package org.wargeys.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright, launched as this machine needs it (headless, no sandbox,
 * no background networking) and never downloaded. Outside CI a missing Chromium skips the test with
 * a message; in CI it fails it. Close it after use.
 */
public final class Chromium implements AutoCloseable {

    public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium() {
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(EXECUTABLE)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
    }

    /** Launches Chromium, or skips (outside CI) or fails (in CI) the calling test when it is missing. */
    public static Chromium launch() {
        if (!Files.isExecutable(EXECUTABLE)) {
            if (System.getenv("CI") != null)
                fail("CI needs Chromium at " + EXECUTABLE + " (apt-get install -y chromium)");
            Assumptions.abort(
                    "Skipping the browser test: no Chromium at " + EXECUTABLE + " (apt-get install -y chromium)");
        }
        return new Chromium();
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
