package org.wargeys.article;

/**
 * Where a story was filed from and which outlet filed it, printed at the start of the body as
 * {@code IRAN – (WARSOOR) –}. Either part may be absent.
 */
public record Dateline(String place, String outlet) {

    public static final Dateline NONE = new Dateline(null, null);

    public Dateline {
        place = blankToNull(place);
        outlet = blankToNull(outlet);
    }

    public boolean isEmpty() {
        return place == null && outlet == null;
    }

    /** The printed form, with en dashes, as newspapers set it. */
    public String printed() {
        if (isEmpty()) return "";
        StringBuilder out = new StringBuilder();
        if (place != null) out.append(place).append(" – ");
        if (outlet != null) out.append('(').append(outlet).append(") – ");
        return out.toString().trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
