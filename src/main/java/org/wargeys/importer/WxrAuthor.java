package org.wargeys.importer;

/** A WordPress user credited on posts ({@code wp:author}); no e-mail or password is kept. */
record WxrAuthor(String login, String displayName) {}
