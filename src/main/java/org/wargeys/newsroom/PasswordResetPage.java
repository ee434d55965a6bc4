package org.wargeys.newsroom;

/**
 * The model of {@code newsroom/password-reset.jte}: the "forgot password" form, its answer (the same
 * whether or not the address has an account), and the form that sets a new password from the link.
 *
 * @param step {@code ask}, {@code sent}, {@code choose} (the link works), {@code invalid} (it does not)
 * @param token the link's token, on the {@code choose} step
 * @param error a message for the form, already in the page's language, or null
 */
public record PasswordResetPage(NewsroomLayout layout, String csrf, String step, String token, String error) {}
