package org.wargeys.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleDraft;
import org.wargeys.article.WorkflowStep;
import org.wargeys.media.Image;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestClock;
import org.wargeys.testsupport.TestSite;

/**
 * The daily digest on both databases, with a clock the test moves: a day with nothing published is
 * skipped; the next day's digest lists what each language published since, to each confirmed
 * subscriber who asked for the digest (one who asked for alerts only gets none) and wants those sections (one who chose a section that published nothing gets nothing),
 * with its featured image and alt text, both parts and the list headers; two nodes running it at once
 * queue each subscriber once (pages of two subscribers, so that the nodes race over the cursor); it
 * is not sent again that day; and a digest a crash interrupted after its claim is finished once by the
 * program started again. A site per test (the digests are per day).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class DigestIT {

    static final ZoneId MOGADISHU = ZoneId.of("Africa/Mogadishu");

    @Parameter
    DatabaseKind database;

    GreenMail smtp;
    TestClock clock;
    TestSite site;

    @BeforeEach
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        clock = new TestClock(TestSite.NOW); // 13:00 in Mogadishu, the site's time zone
        site = TestSite.start(
                database,
                false,
                Map.of(
                        "mail.smtp.host", "127.0.0.1",
                        "mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()),
                        "mail.smtp.security", "none",
                        "mail.from", "Warsoor <news@warsoor.test>"),
                clock);
        var articles = site.wiring().articles().service();
        articles.defineSection("sport", Map.of("en", "Sport", "so", "Ciyaaraha", "ar", "الرياضة"), Actor.TERMINAL);
        articles.defineSection("world", Map.of("en", "World", "so", "Adduunka", "ar", "العالم"), Actor.TERMINAL);
    }

    @AfterEach
    void stop() {
        if (site != null) site.deleteData();
        if (smtp != null) smtp.stop();
    }

    /** A confirmed subscriber who asked for the digest. */
    void subscriber(String address, String language, String sections) {
        subscriber(address, language, sections, 1);
    }

    void subscriber(String address, String language, String sections, int digest) {
        long now = clock.millis();
        site.wiring()
                .platform()
                .database()
                .jdbi()
                .useHandle(h -> h.createUpdate("""
                        INSERT INTO subscribers (address, language, sections, alerts, digest, status, consented_at,
                            source, created_at, confirmation_sent_at)
                        VALUES (:a, :l, :s, 1, :digest, 'confirmed', :now, '/', :now, :now)""")
                        .bind("digest", digest)
                        .bind("a", address)
                        .bind("l", language)
                        .bind("s", sections)
                        .bind("now", now)
                        .execute());
    }

    Article published(String language, String headline, String section) {
        var service = site.wiring().articles().service();
        Article draft = service.createDraft(
                new ArticleDraft(
                        language,
                        null,
                        headline,
                        null,
                        "Standfirst of " + headline,
                        null,
                        "Text.",
                        section,
                        List.of(),
                        List.of()),
                Actor.TERMINAL);
        return site.wiring().articles().workflow().take(draft.id(), WorkflowStep.PUBLISH, null, Actor.TERMINAL);
    }

    int rows(String sql) {
        return site.wiring()
                .platform()
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    int digestsTo(String address) {
        return rows(
                "SELECT COUNT(*) FROM mail_outbox WHERE kind = 'newsletter-digest' AND recipient = '" + address + "'");
    }

    LocalDate today() {
        return clock.instant().atZone(MOGADISHU).toLocalDate();
    }

    MimeMessage mailTo(String address) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            for (MimeMessage m : smtp.getReceivedMessages())
                if (m.getAllRecipients()[0].toString().equals(address)) return m;
            assertThat(System.nanoTime()).as("a mail to " + address).isLessThan(deadline);
            smtp.waitForIncomingEmail(200, smtp.getReceivedMessages().length + 1);
        }
    }

    @Test
    void each_language_gets_its_digest_once_a_day_with_the_sections_each_reader_chose() throws Exception {
        Digests digests = site.wiring().newsletters().digests();
        digests.pageSize(2);
        subscriber("all@example.org", "en", "");
        subscriber("sport@example.org", "en", "sport");
        subscriber("world@example.org", "en", "world");
        subscriber("tuned@example.org", "en", "sport world");
        subscriber("dhammaan@example.org", "so", "");
        subscriber("pending@example.org", "en", "");
        subscriber("alerts-only@example.org", "en", "", 0);
        site.wiring()
                .platform()
                .database()
                .jdbi()
                .useHandle(h ->
                        h.execute("UPDATE subscribers SET status = 'pending' WHERE address = 'pending@example.org'"));

        assertThat(digests.run()).as("no time set: no digest").isZero();
        assertThat(rows("SELECT COUNT(*) FROM newsletter_digests")).isZero();
        digests.setTime("14:00", Actor.TERMINAL);
        assertThat(digests.run()).as("13:00: not yet").isZero();
        assertThat(rows("SELECT COUNT(*) FROM newsletter_digests")).isZero();

        clock.advance(Duration.ofHours(1)); // 14:00 local
        assertThat(digests.run()).isZero();
        assertThat(rows("SELECT COUNT(*) FROM newsletter_digests WHERE status = 'skipped' AND day = '" + today() + "'"))
                .as("nothing published: skipped, in each language")
                .isEqualTo(3);

        clock.advance(Duration.ofMinutes(5));
        Article sport = published("en", "Ocean Stars win the cup", "sport");
        published("en", "Rain returns to Baidoa", null);
        published("so", "Roobku wuxuu ku soo laabtay Baydhabo", null);
        var media = site.wiring().media().service();
        var photo = media.upload(
                jpeg(), null, Map.of("en", new Image.Text("Players lift the cup in Mogadishu", null)), Actor.TERMINAL);
        site.wiring().articles().service().feature(sport.id(), photo.id(), Actor.TERMINAL);
        assertThat(digests.run()).as("the same day: not again").isZero();

        clock.advance(Duration.ofDays(1)); // the next day, 14:05
        // Two nodes at it at once.
        TestSite second = site.secondNode();
        // Test nodes have no base.url of their own: each names its own port (a real site has one base.url).
        List<String> bases = List.of(
                site.wiring().platform().site().baseUrl(),
                second.wiring().platform().site().baseUrl());
        try {
            Digests other = second.wiring().newsletters().digests();
            other.pageSize(2);
            var pool = Executors.newFixedThreadPool(2);
            try {
                Future<Integer> a = pool.submit(digests::run);
                Future<Integer> b = pool.submit(other::run);
                assertThat(a.get() + b.get())
                        .as("queued by the two nodes together")
                        .isLessThanOrEqualTo(4);
            } finally {
                pool.shutdown();
            }
            // What one node left to the other, if it was still at it, is done now.
            digests.run();
            other.run();
        } finally {
            second.close();
        }
        assertThat(digestsTo("all@example.org")).isEqualTo(1);
        assertThat(digestsTo("sport@example.org")).isEqualTo(1);
        assertThat(digestsTo("tuned@example.org")).isEqualTo(1);
        assertThat(digestsTo("world@example.org"))
                .as("nothing in their section")
                .isZero();
        assertThat(digestsTo("pending@example.org")).isZero();
        assertThat(digestsTo("alerts-only@example.org"))
                .as("asked for breaking-news alerts only")
                .isZero();
        assertThat(digestsTo("dhammaan@example.org")).isEqualTo(1);
        assertThat(rows("SELECT COUNT(*) FROM newsletter_digests WHERE day = '" + today() + "'"))
                .isEqualTo(3);
        assertThat(rows("SELECT recipients FROM newsletter_digests WHERE language = 'en' AND day = '" + today() + "'"))
                .isEqualTo(3);
        assertThat(rows("SELECT COUNT(*) FROM newsletter_digests WHERE language = 'ar' AND day = '" + today()
                        + "' AND status = 'skipped'"))
                .isEqualTo(1);

        MimeMessage all = mailTo("all@example.org");
        assertThat(all.getHeader("List-Unsubscribe", null))
                .startsWith("<http")
                .contains("/en/newsletter/unsubscribe?token=");
        assertThat(all.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(all.getHeader("Content-Language", null)).isEqualTo("en");
        var parts = (MimeMultipart) all.getContent();
        String text = (String) parts.getBodyPart(0).getContent();
        assertThat(text)
                .contains("Ocean Stars win the cup", "Rain returns to Baidoa", "/en/newsletter/preferences?token=");
        Document html = Jsoup.parse((String) parts.getBodyPart(1).getContent());
        assertThat(html.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(html.select("h2").eachText())
                .as("newest first")
                .containsExactly("Rain returns to Baidoa", "Ocean Stars win the cup");
        assertThat(html.select("img").attr("alt")).isEqualTo("Players lift the cup in Mogadishu");
        assertThat(bases).anyMatch(base -> html.select("img").attr("src").startsWith(base + "/media/"));
        assertThat(html.select("a[href]").eachAttr("href"))
                .as("no link but the site's own")
                .allMatch(href -> bases.stream().anyMatch(href::startsWith));
        MimeMessage sportOnly = mailTo("sport@example.org");
        assertThat(Jsoup.parse((String) ((MimeMultipart) sportOnly.getContent())
                                .getBodyPart(1)
                                .getContent())
                        .select("h2")
                        .eachText())
                .containsExactly("Ocean Stars win the cup");

        clock.advance(Duration.ofHours(3));
        assertThat(digests.run()).as("later the same day").isZero();
    }

    @Test
    void a_digest_interrupted_after_its_claim_is_finished_once_after_a_restart() throws Exception {
        subscriber("one@example.org", "so", "");
        subscriber("two@example.org", "so", "");
        subscriber("three@example.org", "so", "");
        Digests digests = site.wiring().newsletters().digests();
        digests.setTime("07:00", Actor.TERMINAL);
        clock.advance(Duration.ofMinutes(1));
        published("so", "Shir looga hadlay biyaha", null);
        clock.advance(Duration.ofMinutes(1));
        // The claim made, then the program dies before its first page.
        assertThat(digests.start("so", today())).isPresent();
        assertThat(digests.start("so", today())).as("claimed once").isEmpty();
        site = site.restartOnSamePort();
        site.wiring().newsletters().digests().pageSize(2);
        site.wiring().newsletters().digests().run();
        site.wiring().newsletters().digests().run();
        for (String a : List.of("one@example.org", "two@example.org", "three@example.org"))
            assertThat(digestsTo(a)).as(a).isEqualTo(1);
        assertThat(rows("SELECT COUNT(*) FROM newsletter_digests WHERE language = 'so' AND status = 'sent'"))
                .isEqualTo(1);
        MimeMessage m = mailTo("two@example.org");
        assertThat(m.getSubject()).startsWith("Warsoor: wararka ");
        assertThat(m.getHeader("Content-Language", null)).isEqualTo("so");
    }

    private static byte[] jpeg() throws java.io.IOException {
        var image = new java.awt.image.BufferedImage(800, 450, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }
}
