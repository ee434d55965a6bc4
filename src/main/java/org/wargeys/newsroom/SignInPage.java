package org.wargeys.newsroom;

/** The model of {@code newsroom/sign-in.jte}. {@code error} is a message key or null. */
public record SignInPage(NewsroomLayout layout, String csrf, String next, String email, String error) {}
