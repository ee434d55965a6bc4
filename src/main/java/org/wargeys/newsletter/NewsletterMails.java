package org.wargeys.newsletter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wargeys.article.Article;
import org.wargeys.article.ArticlePaths;
import org.wargeys.mail.OutgoingMail;
import org.wargeys.media.Image;
import org.wargeys.platform.Language;
import org.wargeys.platform.Site;
import org.wargeys.web.MessageBundles;
import org.wargeys.web.Messages;
import org.wargeys.web.PageRenderer;

/**
 * Writes readers' mail in their language: the confirmation of a subscription and breaking-news
 * alerts. Every list message carries RFC 8058 one-click unsubscribe ({@code List-Unsubscribe} with an
 * HTTPS link, {@code List-Unsubscribe-Post}) and a signed preferences link. No tracking: no pixel, no
 * redirect through us, no link but the site's own. Thread-safe.
 */
final class NewsletterMails {

    static final String CONFIRM = "newsletter-confirm";
    static final String ALERT = "newsletter-alert";
    static final String DIGEST = "newsletter-digest";
    static final String TEST = "newsletter-test";

    /** The widest rendition a mail shows (mail is read in a column about 600 px wide). */
    static final int PICTURE_WIDTH = 640;

    private final Site site;
    private final MessageBundles bundles;
    private final PageRenderer renderer;
    private final ArticlePaths paths;
    private final java.util.function.LongFunction<java.util.Optional<Image>> featured;

    NewsletterMails(
            Site site,
            MessageBundles bundles,
            PageRenderer renderer,
            ArticlePaths paths,
            java.util.function.LongFunction<java.util.Optional<Image>> featured) {
        this.featured = featured;
        this.site = site;
        this.bundles = bundles;
        this.renderer = renderer;
        this.paths = paths;
    }

    static String confirmPath(String language, String token) {
        return "/" + language + "/newsletter/confirm?token=" + token;
    }

    static String preferencesPath(String language, String token) {
        return "/" + language + "/newsletter/preferences?token=" + token;
    }

    static String unsubscribePath(String language, String token) {
        return "/" + language + "/newsletter/unsubscribe?token=" + token;
    }

    OutgoingMail confirmation(String language, String address, Subscriptions.Choice choice, String token) {
        Messages msg = bundles.of(language);
        Map<String, Object> values = Map.of("site", site.name());
        EmailBody body = body(
                language,
                msg.format("newsletter.mail.confirm_subject", values),
                null,
                List.of(
                        msg.format("newsletter.mail.confirm_text." + chosen(choice), values),
                        msg.get("newsletter.mail.confirm_ignore")),
                msg.get("newsletter.mail.confirm_action"),
                site.absolute(confirmPath(language, token)),
                msg.format("newsletter.mail.confirm_footer", Map.of("address", address)),
                List.of(),
                null,
                List.of());
        return new OutgoingMail(CONFIRM, null, address, language, body.heading(), body.text(), html(body), Map.of());
    }

    /** The suffix of the message keys that say what a reader chose: alerts, digest or both. */
    static String chosen(Subscriptions.Choice choice) {
        if (choice.alerts() && choice.digest()) return "both";
        return choice.digest() ? "digest" : "alerts";
    }

    OutgoingMail alert(long alertId, Article article, String address, String manageToken) {
        String language = article.language();
        Messages msg = bundles.of(language);
        String subject = msg.format("newsletter.mail.alert_subject", Map.of("headline", article.headline()));
        String url = site.absolute(encoded(paths.path(article)));
        // A staff member's test copy (no token) has no reader's links.
        String preferences = manageToken == null ? null : site.absolute(preferencesPath(language, manageToken));
        String unsubscribe = manageToken == null ? null : site.absolute(unsubscribePath(language, manageToken));
        EmailBody body = body(
                language,
                article.headline(),
                url,
                article.standfirst() == null || article.standfirst().isBlank()
                        ? List.of()
                        : List.of(article.standfirst()),
                msg.get("newsletter.mail.read_article"),
                url,
                msg.format("newsletter.mail.alert_footer", Map.of("site", site.name(), "address", address)),
                manageToken == null
                        ? List.of()
                        : List.of(
                                new EmailBody.Link(msg.get("newsletter.mail.preferences"), preferences),
                                new EmailBody.Link(msg.get("newsletter.mail.unsubscribe"), unsubscribe)),
                picture(article),
                List.of());
        return new OutgoingMail(
                ALERT,
                alertId,
                address,
                language,
                subject,
                body.text(),
                html(body),
                listHeaders(language, unsubscribe));
    }

    /** A digest's articles as its mail lists them, read once per page of subscribers. */
    List<EmailBody.Item> items(List<Article> articles) {
        return articles.stream()
                .map(a -> new EmailBody.Item(
                        a.headline(),
                        site.absolute(encoded(paths.path(a))),
                        a.standfirst() == null || a.standfirst().isBlank() ? null : a.standfirst(),
                        picture(a)))
                .toList();
    }

    /**
     * The daily digest of one language to one subscriber: the articles (already the ones they want), each
     * with its headline, standfirst and featured image with its alt text. {@code test}: the copy a staff
     * member sends themself (marked so in its subject, and not a list message).
     */
    OutgoingMail digest(
            Long digestId,
            String language,
            java.time.LocalDate day,
            List<EmailBody.Item> items,
            String address,
            String manageToken,
            boolean test) {
        Messages msg = bundles.of(language);
        String date = msg.date(day.atStartOfDay(site.timezone()).toInstant());
        String subject = msg.format("newsletter.mail.digest_subject", Map.of("site", site.name(), "date", date));
        if (test) subject = msg.format("newsletter.mail.test_subject", Map.of("subject", subject));
        String preferences = manageToken == null ? null : site.absolute(preferencesPath(language, manageToken));
        String unsubscribe = manageToken == null ? null : site.absolute(unsubscribePath(language, manageToken));
        EmailBody body = body(
                language,
                subject,
                null,
                List.of(msg.format("newsletter.mail.digest_intro", Map.of("count", items.size()))),
                null,
                null,
                msg.format("newsletter.mail.digest_footer", Map.of("site", site.name(), "address", address)),
                unsubscribe == null
                        ? List.of()
                        : List.of(
                                new EmailBody.Link(msg.get("newsletter.mail.preferences"), preferences),
                                new EmailBody.Link(msg.get("newsletter.mail.unsubscribe"), unsubscribe)),
                null,
                items);
        return new OutgoingMail(
                test ? TEST : DIGEST,
                digestId,
                address,
                language,
                subject,
                body.text(),
                html(body),
                unsubscribe == null ? Map.of() : listHeaders(language, unsubscribe));
    }

    /** An alert as a staff member's test copy: no list headers, its subject marked. */
    OutgoingMail testAlert(Article article, String address) {
        OutgoingMail alert = alert(0, article, address, null);
        Messages msg = bundles.of(article.language());
        String subject = msg.format("newsletter.mail.test_subject", Map.of("subject", alert.subject()));
        return new OutgoingMail(TEST, null, address, alert.language(), subject, alert.text(), alert.html(), Map.of());
    }

    private Map<String, String> listHeaders(String language, String unsubscribe) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Id", listId(language));
        headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("Precedence", "bulk");
        return headers;
    }

    /** The featured image's rendition that fits a mail, with its alt text; null without one (or without alt text). */
    private EmailBody.Picture picture(Article article) {
        return featured.apply(article.id())
                .map(image -> {
                    String alt = image.text(article.language()).alt();
                    if (alt == null || alt.isBlank()) return null;
                    int width = image.widths().stream()
                            .filter(w -> w <= PICTURE_WIDTH)
                            .reduce((a, b) -> b)
                            .orElse(image.widths().get(0));
                    int height = Math.max(1, Math.round((float) image.height() * width / image.width()));
                    return new EmailBody.Picture(site.absolute(image.path(width)), alt, width, height);
                })
                .orElse(null);
    }

    private String listId(String language) {
        String host = java.net.URI.create(site.baseUrl()).getHost();
        return "<" + language + ".newsletter." + (host == null ? "localhost" : host) + ">";
    }

    private EmailBody body(
            String language,
            String heading,
            String headingUrl,
            List<String> paragraphs,
            String actionLabel,
            String actionUrl,
            String footer,
            List<EmailBody.Link> links,
            EmailBody.Picture picture,
            List<EmailBody.Item> items) {
        Language l = site.languageOrNotFound(language);
        return new EmailBody(
                language,
                l.direction().attribute(),
                site.name(),
                site.absolute("/" + language + "/"),
                heading,
                headingUrl,
                paragraphs,
                actionLabel,
                actionUrl,
                footer,
                links,
                picture,
                items);
    }

    private String html(EmailBody body) {
        return renderer.render("newsletter/email.jte", body);
    }

    private static String encoded(String path) {
        try {
            return new java.net.URI(null, null, path, null).toASCIIString();
        } catch (java.net.URISyntaxException e) {
            return path;
        }
    }
}
