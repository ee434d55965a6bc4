package org.wargeys.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.wargeys.account.Role;
import org.wargeys.account.User;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleDraft;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.StaffClient;
import org.wargeys.testsupport.TestSite;

/**
 * Notifications by mail on both databases, over HTTP with the site's own mailer and mail worker
 * sending to GreenMail: a submission mails the editors, a publication and a return mail the writer,
 * each in the reader's newsroom language with a link into the newsroom; a kind switched off on the
 * settings page is marked handled and mails nobody; each notification is mailed once even when two
 * mailers race. Each test uses accounts of its own.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationMailIT {

    static final String PASSWORD = "correct horse battery";

    @Parameter
    DatabaseKind database;

    GreenMail smtp;
    TestSite site;

    @BeforeParameterizedClassInvocation
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        site = TestSite.start(
                database,
                false,
                Map.of(
                        "mail.smtp.host", "127.0.0.1",
                        "mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()),
                        "mail.smtp.security", "none",
                        "mail.from", "Warsoor <news@warsoor.test>"));
        site.wiring()
                .articles()
                .service()
                .defineSection("world", Map.of("en", "World", "so", "Adduunka"), Actor.TERMINAL);
    }

    @AfterParameterizedClassInvocation
    void stop() {
        if (site != null) site.deleteData();
        if (smtp != null) smtp.stop();
    }

    User account(String email, String name, Role role) {
        return site.wiring().accounts().accounts().create(email, name, role, Set.of(), PASSWORD, Actor.TERMINAL);
    }

    Article draft(String headline, User by) {
        return site.wiring()
                .articles()
                .service()
                .createDraft(
                        new ArticleDraft(
                                "en",
                                null,
                                headline,
                                null,
                                "A standfirst.",
                                null,
                                "Body.",
                                "world",
                                List.of(),
                                List.of()),
                        new Actor(by.id(), by.email(), "127.0.0.1"));
    }

    /** The mail to this address (waits for the site's worker), exactly {@code count} of them. */
    List<MimeMessage> mailTo(String address, int count) throws Exception {
        return org.wargeys.testsupport.Inbox.mailTo(smtp, address, count);
    }

    int rows(String sql) {
        return site.wiring()
                .platform()
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    /**
     * Waits (bounded) until no notification is left unmailed: the site's own mailer thread, nudged by
     * the commit, may hold rows it claimed (skipped by the test's call on PostgreSQL) until it commits.
     */
    void allHandled() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (rows("SELECT COUNT(*) FROM notifications WHERE mailed_at IS NULL") > 0) {
            assertThat(System.nanoTime()).as("every notification handled").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    int step(StaffClient who, long id, String step) {
        return who.post("/admin/articles/" + id + "/workflow", Map.of("step", step))
                .statusCode();
    }

    @Test
    void steps_mail_the_editors_and_the_writer_in_their_newsroom_language_with_a_link_into_the_newsroom()
            throws Exception {
        User editor = account("faadumo@example.org", "Faadumo", Role.EDITOR);
        User writer = account("yusuf@example.org", "Yusuf", Role.AUTHOR);
        StaffClient faadumo = StaffClient.signIn(site, editor.email(), PASSWORD);
        StaffClient yusuf = StaffClient.signIn(site, writer.email(), PASSWORD);
        // The editor works in Somali: her mail follows the newsroom language she chose.
        assertThat(faadumo.post("/admin/language", Map.of("ui", "so", "next", "/admin"))
                        .statusCode())
                .isEqualTo(303);

        Article story = draft("Wells run dry in Galmudug", writer);
        assertThat(step(yusuf, story.id(), "submit")).isEqualTo(303);
        MimeMessage submitted = mailTo(editor.email(), 1).get(0);
        assertThat(submitted.getSubject())
                .isEqualTo("[Warsoor] Yusuf wuxuu Wells run dry in Galmudug u diray dib-u-eegis");
        assertThat(submitted.getHeader("Content-Language", null)).isEqualTo("so");
        String text = ((String) submitted.getContent()).replace("\r\n", "\n");
        assertThat(text).startsWith("Salaan Faadumo,");
        var own = site.wiring().platform().site();
        String link = own.absolute("/admin/articles/" + story.id());
        assertThat(text).contains(link + "\n").contains(own.absolute("/admin/account/notifications"));
        assertThat(faadumo.get(link.substring(own.baseUrl().length())).statusCode())
                .as("the link opens the article in the newsroom")
                .isEqualTo(200);

        assertThat(step(faadumo, story.id(), "return-to-draft")).isEqualTo(303);
        MimeMessage returned = mailTo(writer.email(), 1).get(0);
        assertThat(returned.getSubject())
                .isEqualTo("[Warsoor] Faadumo returned Wells run dry in Galmudug to you as a draft");
        assertThat(returned.getHeader("Content-Language", null)).isEqualTo("en");

        assertThat(step(faadumo, story.id(), "publish")).isEqualTo(303);
        List<MimeMessage> both = mailTo(writer.email(), 2);
        assertThat(both.stream().map(m -> {
                    try {
                        return m.getSubject();
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .contains("[Warsoor] Faadumo published Wells run dry in Galmudug");
        assertThat(mailTo(editor.email(), 1))
                .as("nobody is mailed of their own step")
                .hasSize(1);
        assertThat(rows("SELECT COUNT(*) FROM notifications WHERE mailed_at IS NULL"))
                .isZero();
    }

    @Test
    void a_kind_switched_off_on_the_settings_page_is_handled_without_mail() throws Exception {
        User editor = account("xaliimo@example.org", "Xaliimo", Role.EDITOR);
        User writer = account("cumar@example.org", "Cumar", Role.AUTHOR);
        StaffClient xaliimo = StaffClient.signIn(site, editor.email(), PASSWORD);
        Document page = xaliimo.page("/admin/account/notifications");
        assertThat(page.select("input[name=kind]")).hasSize(NotificationKind.values().length);
        assertThat(page.select("input[name=kind][checked]")).hasSize(NotificationKind.values().length);

        // Everything but "submitted", in Arabic.
        StringBuilder form = new StringBuilder("csrf=" + xaliimo.csrf() + "&language=ar");
        for (NotificationKind k : NotificationKind.values())
            if (k != NotificationKind.SUBMITTED) form.append("&kind=").append(k.code());
        assertThat(xaliimo.postEncoded("/admin/account/notifications", form.toString())
                        .statusCode())
                .isEqualTo(303);
        page = xaliimo.page("/admin/account/notifications");
        assertThat(page.select(".flash").text()).isEqualTo("Your choice of notifications by email is saved.");
        assertThat(page.selectFirst("#kind-submitted").hasAttr("checked")).isFalse();
        assertThat(page.selectFirst("#kind-published").hasAttr("checked")).isTrue();
        assertThat(page.selectFirst("#language option[selected]").attr("value")).isEqualTo("ar");
        assertThat(xaliimo.postEncoded("/admin/account/notifications", "csrf=" + xaliimo.csrf() + "&language=xx")
                        .statusCode())
                .as("a language the newsroom does not have")
                .isEqualTo(400);

        Article story = draft("Port of Berbera expands", writer);
        site.wiring()
                .articles()
                .workflow()
                .take(
                        story.id(),
                        org.wargeys.article.WorkflowStep.SUBMIT,
                        null,
                        new Actor(writer.id(), writer.email(), null));
        site.wiring().deskMail().mailer().mailDue();
        allHandled();
        assertThat(rows("SELECT COUNT(*) FROM notifications WHERE user_id = " + editor.id()
                        + " AND kind = 'submitted' AND mailed_at IS NOT NULL"))
                .as("handled")
                .isEqualTo(1);
        assertThat(rows("SELECT COUNT(*) FROM mail_outbox WHERE recipient = 'xaliimo@example.org'"))
                .as("and not mailed")
                .isZero();
    }

    @Test
    void two_mailers_racing_mail_each_notification_once() throws Exception {
        List<User> editors = List.of(
                account("e1@example.org", "E1", Role.EDITOR),
                account("e2@example.org", "E2", Role.EDITOR),
                account("e3@example.org", "E3", Role.EDITOR));
        User writer = account("race@example.org", "Race", Role.AUTHOR);
        var workflow = site.wiring().articles().workflow();
        var actor = new Actor(writer.id(), writer.email(), null);
        for (int i = 0; i < 20; i++)
            workflow.take(draft("Story " + i, writer).id(), org.wargeys.article.WorkflowStep.SUBMIT, null, actor);
        var mailer = site.wiring().deskMail().mailer();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(mailer::mailDue);
            var b = pool.submit(mailer::mailDue);
            a.get();
            b.get();
        } finally {
            pool.shutdown();
        }
        allHandled();
        for (User e : editors)
            assertThat(rows("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'desk-notification' AND recipient = '"
                            + e.email() + "' AND subject LIKE '%Story %'"))
                    .as(e.email())
                    .isEqualTo(20);
    }
}
