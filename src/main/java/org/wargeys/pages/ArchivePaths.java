package org.wargeys.pages;

import java.time.YearMonth;

/**
 * The addresses of archive pages: {@code /LANG/section/SLUG}, {@code /LANG/tag/SLUG},
 * {@code /LANG/author/SLUG}, {@code /LANG/archive/YYYY} and {@code /LANG/archive/YYYY/MM}.
 */
public final class ArchivePaths {

    private ArchivePaths() {}

    public static String section(String language, String slug) {
        return "/" + language + "/section/" + slug;
    }

    public static String tag(String language, String slug) {
        return "/" + language + "/tag/" + slug;
    }

    public static String author(String language, String slug) {
        return "/" + language + "/author/" + slug;
    }

    public static String year(String language, int year) {
        return "/" + language + "/archive/" + year;
    }

    public static String month(String language, YearMonth month) {
        return "/" + language + "/archive/" + month.getYear() + "/" + String.format("%02d", month.getMonthValue());
    }
}
