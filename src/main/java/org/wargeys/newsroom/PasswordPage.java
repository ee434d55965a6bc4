package org.wargeys.newsroom;

import java.util.Map;

/** The model of {@code newsroom/password.jte}: the change-password form, its errors, and whether it is required. */
public record PasswordPage(NewsroomLayout layout, boolean required, Map<String, String> errors, boolean changed) {}
