package org.wargeys.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleDraft;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.EarlierSchema;
import org.wargeys.testsupport.TestClock;
import org.wargeys.testsupport.TestSite;

/**
 * A site upgraded from the release whose form said "Get breaking news from {site} by email", on both
 * databases: its database is migrated as that release left it (up to V0025), a confirmed subscriber is
 * stored as that release stored them, then this release starts on it (V0026 and the rest). The
 * subscriber keeps the breaking-news alerts and gets no daily digest; their preferences page shows
 * exactly that; a digest-only reader who subscribed after the upgrade gets the digest and no alert.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class NewsletterUpgradeIT {

    @Parameter
    DatabaseKind database;

    @Test
    void a_subscriber_from_before_the_choice_keeps_the_alerts_and_gets_no_digest() throws Exception {
        EarlierSchema earlier = EarlierSchema.at(database, "0025");
        long then = TestSite.NOW.minus(Duration.ofDays(30)).toEpochMilli();
        try (var connection = earlier.connect();
                var insert = connection.prepareStatement("""
                        INSERT INTO subscribers (address, language, sections, status, consented_at, source,
                            created_at, confirmation_sent_at)
                        VALUES ('loyal@example.org', 'en', '', 'confirmed', ?, '/en/', ?, ?)""")) {
            insert.setLong(1, then);
            insert.setLong(2, then);
            insert.setLong(3, then);
            insert.executeUpdate();
        }

        TestClock clock = new TestClock(TestSite.NOW); // 13:00 in Mogadishu
        TestSite site = earlier.start(Map.of(), clock);
        try {
            var jdbi = site.wiring().platform().database().jdbi();
            String stored = jdbi.withHandle(h -> h.createQuery(
                            "SELECT alerts || ' ' || digest FROM subscribers WHERE address = 'loyal@example.org'")
                    .mapTo(String.class)
                    .one());
            assertThat(stored).as("alerts, digest").isEqualTo("1 0");
            Subscriber loyal = jdbi.withHandle(h -> new SubscriberRepository()
                    .find(h, "loyal@example.org", "en")
                    .orElseThrow());
            Subscriptions subscriptions = site.wiring().newsletters().subscriptions();
            Document preferences = site.html(NewsletterMails.preferencesPath("en", subscriptions.manageToken(loyal)));
            assertThat(preferences.select("#newsletter-alerts").hasAttr("checked"))
                    .isTrue();
            assertThat(preferences.select("#newsletter-digest").hasAttr("checked"))
                    .isFalse();

            // After the upgrade, someone subscribes to the digest only (the service the form calls).
            subscriptions.subscribe(
                    "en", "daily@example.org", List.of(), new Subscriptions.Choice(false, true), "/en/", null);
            Subscriber daily = jdbi.withHandle(h -> new SubscriberRepository()
                    .find(h, "daily@example.org", "en")
                    .orElseThrow());
            String confirm = jdbi.withHandle(
                    h -> h.createQuery("SELECT text_body FROM mail_outbox WHERE recipient = 'daily@example.org'")
                            .mapTo(String.class)
                            .one());
            assertThat(confirm).contains("asked to receive the daily digest of Warsoor");
            var token = confirm.substring(confirm.indexOf("token=") + "token=".length())
                    .split("\\s")[0];
            assertThat(subscriptions.confirm(token)).map(Subscriber::id).hasValue(daily.id());

            Digests digests = site.wiring().newsletters().digests();
            digests.setTime("14:00", Actor.TERMINAL);
            Article story = draft(site, "Rains return to Baidoa");
            site.wiring().newsletters().alerts().publishAndAlert(story.id(), Actor.TERMINAL);
            clock.advance(Duration.ofHours(1)); // 14:00 local: the digest's time
            assertThat(digests.run()).isEqualTo(1);

            assertThat(queued(site, "loyal@example.org", "newsletter-alert")).isEqualTo(1);
            assertThat(queued(site, "loyal@example.org", "newsletter-digest"))
                    .as("consented to breaking news only")
                    .isZero();
            assertThat(queued(site, "daily@example.org", "newsletter-alert"))
                    .as("asked for the digest only")
                    .isZero();
            assertThat(queued(site, "daily@example.org", "newsletter-digest")).isEqualTo(1);
        } finally {
            site.deleteData();
        }
    }

    private static int queued(TestSite site, String address, String kind) {
        return site.wiring()
                .platform()
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :a AND kind = :k")
                        .bind("a", address)
                        .bind("k", kind)
                        .mapTo(Integer.class)
                        .one());
    }

    private static Article draft(TestSite site, String headline) {
        return site.wiring()
                .articles()
                .service()
                .createDraft(
                        new ArticleDraft(
                                "en", null, headline, null, "Standfirst.", null, "Text.", null, List.of(), List.of()),
                        Actor.TERMINAL);
    }
}
