package org.wargeys;

import java.io.PrintStream;
import org.wargeys.importer.ImportReport;

/** Prints an import report for the operator. */
final class ImportReports {

    private ImportReports() {}

    static void print(ImportReport r, PrintStream out) {
        out.println(r.dryRun() ? "Dry run: nothing was written. The import would have:" : "Import finished:");
        out.printf(
                "  imported  %d%n  updated   %d%n  unchanged %d%n  skipped   %d%n",
                r.imported(), r.updated(), r.unchanged(), r.skipped().size());
        out.printf("  old addresses redirected: %d%n", r.redirects());
        if (r.mediaCopied() > 0) out.printf("  media files copied: %d%n", r.mediaCopied());
        if (r.featuredImagesSet() > 0) out.printf("  featured images set: %d%n", r.featuredImagesSet());
        if (!r.skipped().isEmpty()) {
            out.println("Skipped:");
            r.skipped().forEach(s -> out.printf("  #%d %s: %s%n", s.sourceId(), quoted(s.title()), s.reason()));
        }
        if (!r.notes().isEmpty()) {
            out.println("Notes:");
            r.notes().forEach(n -> out.printf("  #%d %s: %s%n", n.sourceId(), quoted(n.title()), n.note()));
        }
        if (!r.featuredImagesSkipped().isEmpty()) {
            out.println("Featured images not set:");
            r.featuredImagesSkipped()
                    .forEach(i -> out.printf(
                            "  #%d %s: %s%s%n",
                            i.sourceId(), quoted(i.title()), i.url() == null ? "" : i.url() + " – ", i.reason()));
        }
        if (!r.externalMedia().isEmpty()) {
            out.println("Media still at their old addresses (use --media-dir to copy them):");
            r.externalMedia().forEach(u -> out.println("  " + u));
        }
    }

    private static String quoted(String title) {
        return title == null || title.isBlank() ? "(untitled)" : "\"" + title + "\"";
    }
}
