package org.wargeys.web;

/**
 * The model of {@code error/error.jte}: a status, a localized heading and sentence saying what to
 * do, and, for bad input, the precise reason (or null).
 */
public record ErrorPage(Layout layout, int status, String heading, String detail, String reason) {}
