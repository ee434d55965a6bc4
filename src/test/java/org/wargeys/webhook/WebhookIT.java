package org.wargeys.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wargeys.testsupport.WebhookReceiver.eventually;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.wargeys.account.Role;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleDraft;
import org.wargeys.article.ArticleEdit;
import org.wargeys.platform.Actor;
import org.wargeys.platform.AuditEntry;
import org.wargeys.platform.ValidationException;
import org.wargeys.testsupport.ApiContract;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.StaffClient;
import org.wargeys.testsupport.StandardWebhooks;
import org.wargeys.testsupport.TestClock;
import org.wargeys.testsupport.TestSite;
import org.wargeys.testsupport.WebhookReceiver;

/**
 * Webhooks on both databases, received by a real HTTP server in the test: an administrator registers
 * an endpoint in the newsroom; each change queues its events on its own transaction (a rolled-back one
 * queues none); deliveries are signed per Standard Webhooks and verified with the specification's
 * reference algorithm; a receiver that fails is retried with backoff until it recovers; one that fails
 * for a day is paused and the pause audited and shown; the log's redeliver button sends an event again.
 * One site per database with a clock the tests move; each test has its own receiver and endpoint
 * (removed after it), so the site's earlier events do not reach it.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookIT {

    static final String PASSWORD = "correct horse battery";
    static final ObjectMapper JSON = new ObjectMapper();

    @Parameter
    DatabaseKind database;

    TestSite site;
    TestClock clock;
    WebhookReceiver receiver;
    StaffClient admin;
    long endpoint;
    String secret;

    @BeforeParameterizedClassInvocation
    void start() {
        clock = new TestClock(TestSite.NOW);
        site = TestSite.start(database, true, Map.of("webhook.allow_private_targets", "true"), clock);
        site.wiring()
                .accounts()
                .accounts()
                .create("admin@example.org", "Ada", Role.ADMINISTRATOR, Set.of(), PASSWORD, Actor.TERMINAL);
    }

    @AfterParameterizedClassInvocation
    void stop() {
        if (site != null) site.deleteData();
    }

    @BeforeEach
    void register() {
        receiver = new WebhookReceiver();
        admin = StaffClient.signIn(site, "admin@example.org", PASSWORD);
        StringBuilder form =
                new StringBuilder("url=" + encode(receiver.url("/hooks/wargeys")) + "&description=Channel+bot");
        for (EventType type : EventType.values()) form.append("&events=").append(type.code());
        HttpResponse<String> registered = admin.postEncoded("/admin/webhooks", form.toString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(303);
        endpoint = Long.parseLong(
                registered.headers().firstValue("Location").orElseThrow().replaceAll("\\D", ""));
        secret = Jsoup.parse(admin.get("/admin/webhooks/" + endpoint).body())
                .selectFirst("input.secret")
                .val();
        assertThat(secret).startsWith("whsec_");
    }

    @AfterEach
    void unregister() {
        site.wiring().webhooks().endpoints().delete(endpoint, Actor.TERMINAL);
        receiver.close();
    }

    Article publish(String headline) {
        var articles = site.wiring().articles().service();
        var draft = articles.createDraft(
                new ArticleDraft("en", null, headline, null, null, null, "Text.", "world", List.of(), List.of()),
                Actor.TERMINAL);
        return articles.publish(draft.id(), Actor.TERMINAL);
    }

    /** Verifies every request with the specification's reference algorithm and the document's schema. */
    void verified(WebhookReceiver.Received r) {
        StandardWebhooks.verify(
                secret,
                r.header("webhook-id"),
                r.header("webhook-timestamp"),
                r.header("webhook-signature"),
                r.body(),
                clock.instant().getEpochSecond());
        ApiContract.checkWebhook(r.body());
    }

    @Test
    void changes_to_articles_are_delivered_signed_per_standard_webhooks() throws Exception {
        var articles = site.wiring().articles().service();
        Article article = publish("Harbour reopens in Kismayo");
        eventually(() -> receiver.ofType("article.published").size() == 1);
        var published = receiver.ofType("article.published").get(0);
        verified(published);
        assertThat(JSON.readTree(published.body()).path("data").path("headline").asText())
                .isEqualTo("Harbour reopens in Kismayo");
        assertThat(published.header("webhook-id")).startsWith("msg_");

        articles.update(
                article.id(),
                article.revision(),
                new ArticleDraft(
                        "en",
                        article.slug(),
                        "Harbour reopens in Kismayo, officials say",
                        null,
                        null,
                        null,
                        "Text.",
                        "world",
                        List.of(),
                        List.of()),
                Actor.TERMINAL);
        site.wiring().articles().corrections().add(article.id(), "The harbour is in Kismayo.", Actor.TERMINAL);
        var translation = articles.createTranslation(
                article.translationGroupId(),
                ArticleEdit.of(new ArticleDraft(
                        "so",
                        null,
                        "Dekedda Kismaayo oo dib loo furay",
                        null,
                        null,
                        null,
                        "Qoraal.",
                        "world",
                        List.of(),
                        List.of())),
                Actor.TERMINAL);
        articles.publish(translation.id(), Actor.TERMINAL);
        articles.unpublish(article.id(), Actor.TERMINAL);

        eventually(() -> receiver.received().size() == 6);
        assertThat(receiver.received())
                .extracting(r -> JSON.readTree(r.body()).path("type").asText())
                .containsExactlyInAnyOrder(
                        "article.published",
                        "article.updated",
                        "correction.added",
                        "article.published",
                        "translation.published",
                        "article.unpublished");
        receiver.received().forEach(this::verified);
        var translated = JSON.readTree(
                        receiver.ofType("translation.published").get(0).body())
                .path("data");
        assertThat(translated.path("language").asText()).isEqualTo("so");
        assertThat(translated.path("translations").get(0).path("id").asLong()).isEqualTo(article.id());
        // Each event is its own message.
        assertThat(receiver.received().stream().map(r -> r.header("webhook-id")).distinct())
                .hasSize(6);
    }

    @Test
    void a_change_that_is_rolled_back_queues_nothing_and_an_endpoint_gets_only_its_events() {
        var endpoints = site.wiring().webhooks().endpoints();
        endpoints.update(
                endpoint, receiver.url("/hooks/wargeys"), null, Set.of(EventType.ARTICLE_UNPUBLISHED), Actor.TERMINAL);
        var articles = site.wiring().articles().service();
        Article article = publish("Only unpublications wanted");
        long events = count("webhook_events");
        try {
            articles.save(
                    article.id(),
                    article.revision(),
                    ArticleEdit.of(new ArticleDraft("en", null, "", null, null, null, "Text.", null, null, null)),
                    Actor.TERMINAL);
        } catch (ValidationException expected) {
            // the headline is required: nothing was written
        }
        assertThat(count("webhook_events")).isEqualTo(events);
        articles.unpublish(article.id(), Actor.TERMINAL);
        eventually(() -> receiver.received().size() == 1);
        assertThat(receiver.received().get(0).body()).contains("\"type\":\"article.unpublished\"");
    }

    @Test
    void a_failing_receiver_is_retried_with_growing_waits_until_it_recovers() throws Exception {
        receiver.answer(503);
        publish("Retried until received");
        eventually(() -> receiver.received().size() == 1);
        eventually(() -> deliveries().get(0).attempts().size() == 1);
        Delivery first = deliveries().get(0);
        assertThat(first.status()).isEqualTo("pending");
        Duration wait = Duration.between(clock.instant(), first.nextAttemptAt());
        assertThat(wait).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(34));

        assertThat(site.wiring().webhooks().deliverDue()).as("not due yet").isZero();
        clock.advance(wait);
        site.wiring().webhooks().deliverDue();
        assertThat(receiver.received()).hasSize(2);
        Delivery second = deliveries().get(0);
        assertThat(Duration.between(clock.instant(), second.nextAttemptAt()))
                .as("the wait doubles")
                .isBetween(Duration.ofSeconds(60), Duration.ofSeconds(67));

        receiver.answer(200);
        clock.advance(Duration.between(clock.instant(), second.nextAttemptAt()));
        site.wiring().webhooks().deliverDue();
        Delivery done = deliveries().get(0);
        assertThat(done.status()).isEqualTo("delivered");
        assertThat(done.attempts()).extracting(Delivery.Attempt::statusCode).containsExactly(503, 503, 200);
        assertThat(done.attempts().get(0).excerpt()).isEqualTo("receiver down for maintenance");
        assertThat(receiver.received().stream().map(r -> r.header("webhook-id")).distinct())
                .as("one message, retried")
                .hasSize(1);
        receiver.received().forEach(this::verified);
        assertThat(site.wiring().webhooks().endpoints().find(endpoint).failingSince())
                .isNull();
        String log = admin.get("/admin/webhooks/" + endpoint).body();
        assertThat(Jsoup.parse(log).select("[data-status-code=503]")).hasSize(2);
    }

    @Test
    void an_endpoint_failing_for_a_day_is_paused_its_owner_told_and_it_resumes() throws Exception {
        receiver.answer(500);
        publish("Nobody is listening");
        eventually(() -> receiver.received().size() == 1);
        eventually(() -> deliveries().get(0).attempts().size() == 1);
        var endpoints = site.wiring().webhooks().endpoints();
        int rounds = 0;
        while (!endpoints.find(endpoint).paused()) {
            clock.advance(Duration.between(clock.instant(), deliveries().get(0).nextAttemptAt()));
            site.wiring().webhooks().deliverDue();
            assertThat(++rounds).as("retries before the pause").isLessThan(30);
        }
        Delivery gaveUp = deliveries().get(0);
        assertThat(gaveUp.status()).isEqualTo("failed");
        Duration tried = Duration.between(
                gaveUp.createdAt(),
                gaveUp.attempts().get(gaveUp.attempts().size() - 1).attemptedAt());
        assertThat(tried).as("retried for at least a day").isGreaterThanOrEqualTo(Duration.ofHours(24));
        assertThat(endpoints.find(endpoint).pausedReason()).isEqualTo("failing");
        assertThat(site.wiring().platform().audit().recent(20))
                .filteredOn(e -> e.action().equals("webhook.pause"))
                .extracting(AuditEntry::detail)
                .anySatisfy(d -> assertThat(d).contains("admin@example.org"));
        admin = StaffClient.signIn(site, "admin@example.org", PASSWORD); // a day later: a new session
        var page = Jsoup.parse(admin.get("/admin/webhooks").body());
        assertThat(page.select("[data-paused=" + endpoint + "]").text()).contains(receiver.url("/hooks/wargeys"));

        // Paused: new events wait.
        int before = receiver.received().size();
        publish("Waits for the resume");
        clock.advance(Duration.ofMinutes(1));
        site.wiring().webhooks().deliverDue();
        assertThat(receiver.received()).hasSize(before);

        receiver.answer(200);
        assertThat(admin.post("/admin/webhooks/" + endpoint + "/resume", Map.of())
                        .statusCode())
                .isEqualTo(303);
        eventually(() -> receiver.ofType("article.published").stream()
                .anyMatch(r -> r.body().contains("Waits for the resume")));
    }

    @Test
    void the_redeliver_button_sends_an_event_again_with_its_message_id() {
        publish("Sent twice on purpose");
        eventually(() -> receiver.received().size() == 1);
        eventually(() -> deliveries().get(0).status().equals("delivered"));
        long delivery = deliveries().get(0).id();
        HttpResponse<String> again =
                admin.post("/admin/webhooks/" + endpoint + "/deliveries/" + delivery + "/redeliver", Map.of());
        assertThat(again.statusCode()).isEqualTo(303);
        eventually(() -> receiver.received().size() == 2);
        assertThat(receiver.received().get(1).header("webhook-id"))
                .isEqualTo(receiver.received().get(0).header("webhook-id"));
        receiver.received().forEach(this::verified);
    }

    List<Delivery> deliveries() {
        return site.wiring().webhooks().endpoints().deliveries(endpoint, 10);
    }

    long count(String table) {
        return site.wiring()
                .platform()
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table)
                        .mapTo(Long.class)
                        .one());
    }

    static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
