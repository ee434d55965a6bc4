package org.wargeys.platform;

/**
 * Who does something, for the audit log and the rules on who may: a staff member (their id and email),
 * a terminal command or the program itself (no id). Immutable.
 *
 * @param userId the staff member's id, or null for the terminal and the program
 * @param name the staff member's email, or a description such as {@code terminal}
 * @param address the network address the request came from, or null
 */
public record Actor(Long userId, String name, String address) {

    /** The program itself (scheduled publication, demo content). */
    public static final Actor SYSTEM = new Actor(null, "system", null);

    /** An operator at the terminal ({@code ./wargeys user …}). */
    public static final Actor TERMINAL = new Actor(null, "terminal", null);

    public Actor {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("An actor has a name");
    }
}
