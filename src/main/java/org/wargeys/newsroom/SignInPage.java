package org.wargeys.newsroom;

import java.util.List;
import java.util.Map;

/**
 * The model of {@code newsroom/sign-in.jte}. {@code error} is a message key or null; {@code carried} the
 * fields of a form sent after the session ended, kept through signing in again (empty otherwise).
 */
public record SignInPage(
        NewsroomLayout layout,
        String csrf,
        String next,
        String email,
        String error,
        List<Map.Entry<String, String>> carried) {}
