package org.wargeys.sharing;

import java.util.regex.Pattern;

/**
 * Tells obvious robots from readers by the User-Agent header, which is looked at and never kept:
 * crawlers, link-preview fetchers, headless browsers and HTTP libraries don't share articles.
 */
final class BotFilter {

    private static final Pattern ROBOT = Pattern.compile(
            "bot|crawl|spider|slurp|scrape|headless|phantom|lighthouse|preview|facebookexternalhit|embedly|"
                    + "whatsapp|telegram|curl|wget|python|java|go-http|httpclient|okhttp|libwww|axios|node-fetch",
            Pattern.CASE_INSENSITIVE);

    private BotFilter() {}

    static boolean isRobot(String userAgent) {
        return userAgent == null
                || userAgent.isBlank()
                || ROBOT.matcher(userAgent).find();
    }
}
