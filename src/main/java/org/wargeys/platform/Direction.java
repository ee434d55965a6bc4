package org.wargeys.platform;

/** Text direction of a language, as written into the {@code dir} attribute. */
public enum Direction {
    LTR,
    RTL;

    public String attribute() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
