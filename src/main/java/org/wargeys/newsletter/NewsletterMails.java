package org.wargeys.newsletter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wargeys.article.Article;
import org.wargeys.article.ArticlePaths;
import org.wargeys.mail.OutgoingMail;
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

    private final Site site;
    private final MessageBundles bundles;
    private final PageRenderer renderer;
    private final ArticlePaths paths;

    NewsletterMails(Site site, MessageBundles bundles, PageRenderer renderer, ArticlePaths paths) {
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

    OutgoingMail confirmation(String language, String address, String token) {
        Messages msg = bundles.of(language);
        Map<String, Object> values = Map.of("site", site.name());
        EmailBody body = body(
                language,
                msg.format("newsletter.mail.confirm_subject", values),
                null,
                List.of(msg.format("newsletter.mail.confirm_text", values), msg.get("newsletter.mail.confirm_ignore")),
                msg.get("newsletter.mail.confirm_action"),
                site.absolute(confirmPath(language, token)),
                msg.format("newsletter.mail.confirm_footer", Map.of("address", address)),
                List.of());
        return new OutgoingMail(CONFIRM, null, address, language, body.heading(), body.text(), html(body), Map.of());
    }

    OutgoingMail alert(long alertId, Article article, String address, String manageToken) {
        String language = article.language();
        Messages msg = bundles.of(language);
        String subject = msg.format("newsletter.mail.alert_subject", Map.of("headline", article.headline()));
        String url = site.absolute(encoded(paths.path(article)));
        String preferences = site.absolute(preferencesPath(language, manageToken));
        String unsubscribe = site.absolute(unsubscribePath(language, manageToken));
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
                List.of(
                        new EmailBody.Link(msg.get("newsletter.mail.preferences"), preferences),
                        new EmailBody.Link(msg.get("newsletter.mail.unsubscribe"), unsubscribe)));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Id", listId(language));
        headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("Precedence", "bulk");
        return new OutgoingMail(ALERT, alertId, address, language, subject, body.text(), html(body), headers);
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
            List<EmailBody.Link> links) {
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
                links);
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
