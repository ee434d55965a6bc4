package org.wargeys.importer;

import java.io.PrintStream;

/**
 * A one-line progress bar on the terminal, redrawn in place; prints nothing when the output is not a
 * terminal (logs and CI stay clean). Not thread-safe.
 */
public final class ProgressBar implements WordPressImport.Progress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean enabled;
    private int lastPercent = -1;

    public ProgressBar(PrintStream out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    @Override
    public void advanced(long bytesRead, long totalBytes) {
        int percent = totalBytes <= 0 ? 100 : (int) Math.min(100, bytesRead * 100 / totalBytes);
        if (!enabled || percent == lastPercent) return;
        lastPercent = percent;
        out.print("\r" + line(percent));
        out.flush();
    }

    public void done() {
        if (enabled && lastPercent >= 0) out.println();
    }

    static String line(int percent) {
        int filled = percent * WIDTH / 100;
        return "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + String.format("%3d%%", percent);
    }
}
