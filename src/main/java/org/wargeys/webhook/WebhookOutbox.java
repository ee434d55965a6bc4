package org.wargeys.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import org.wargeys.article.Article;
import org.wargeys.article.ArticleEvent;
import org.wargeys.article.ArticlePaths;
import org.wargeys.article.ArticlePublished;
import org.wargeys.article.ArticleService;
import org.wargeys.article.ArticleUnpublished;
import org.wargeys.article.ArticleUpdated;
import org.wargeys.article.CorrectionAdded;
import org.wargeys.platform.Site;
import org.wargeys.platform.Tx;

/**
 * The outbox: queues an event's deliveries on the transaction of the change that caused it, so that a
 * committed change always has its deliveries and a rolled-back one never does. Article events are heard
 * just before their transaction commits ({@code EventBus.subscribeWithin}); other features (live blogs)
 * call {@link #queue}. The payload is written once, as it will be signed and sent:
 * {@code {"type", "timestamp", "data"}}. Nothing is written when no endpoint wants the event.
 * Thread-safe.
 */
public final class WebhookOutbox {

    private final ArticleService articles;
    private final ArticlePaths paths;
    private final Site site;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    WebhookOutbox(ArticleService articles, ArticlePaths paths, Site site, Clock clock) {
        this.articles = articles;
        this.paths = paths;
        this.site = site;
        this.clock = clock;
    }

    /** Heard on the change's transaction, before it commits. */
    void onArticleEvent(Tx tx, ArticleEvent event) {
        List<Endpoint> endpoints = WebhookEndpoints.all(tx.handle());
        if (endpoints.isEmpty()) return;
        Article article = articles.find(tx, event.articleId());
        if (event instanceof ArticlePublished) {
            queue(tx, EventType.ARTICLE_PUBLISHED, article(article), endpoints);
            List<Article> others = articles.translationGroup(tx, article.translationGroupId()).stream()
                    .filter(a -> a.id() != article.id()
                            && a.isPublished()
                            && !a.language().equals(article.language()))
                    .toList();
            if (!others.isEmpty()) {
                ObjectNode data = article(article);
                ArrayNode translations = data.putArray("translations");
                others.forEach(a -> translations.add(link(a)));
                queue(tx, EventType.TRANSLATION_PUBLISHED, data, endpoints);
            }
        } else if (event instanceof ArticleUpdated) {
            queue(tx, EventType.ARTICLE_UPDATED, article(article), endpoints);
        } else if (event instanceof ArticleUnpublished) {
            queue(tx, EventType.ARTICLE_UNPUBLISHED, article(article), endpoints);
        } else if (event instanceof CorrectionAdded added) {
            ObjectNode data = article(article);
            data.putObject("correction").put("id", added.correctionId());
            queue(tx, EventType.CORRECTION_ADDED, data, endpoints);
        }
    }

    /**
     * Queues an event on the caller's transaction for every endpoint that wants it (live blogs call
     * this for {@link EventType#LIVE_ENTRY_POSTED}).
     */
    public void queue(Tx tx, EventType type, ObjectNode data) {
        queue(tx, type, data, WebhookEndpoints.all(tx.handle()));
    }

    private void queue(Tx tx, EventType type, ObjectNode data, List<Endpoint> endpoints) {
        List<Endpoint> wanting = endpoints.stream().filter(e -> e.wants(type)).toList();
        if (wanting.isEmpty()) return;
        long now = clock.millis();
        ObjectNode payload = json.createObjectNode();
        payload.put("type", type.code());
        payload.put(
                "timestamp",
                clock.instant()
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        .toString());
        payload.set("data", data);
        long eventId = tx.handle()
                .createQuery(
                        "INSERT INTO webhook_events (type, payload, created_at) VALUES (:type, :payload, :now) RETURNING id")
                .bind("type", type.code())
                .bind("payload", payload.toString())
                .bind("now", now)
                .mapTo(Long.class)
                .one();
        var batch = tx.handle().prepareBatch("""
                INSERT INTO webhook_deliveries (event_id, endpoint_id, status, attempts, next_attempt_at, created_at)
                VALUES (:event, :endpoint, 'pending', 0, :now, :now)""");
        for (Endpoint e : wanting)
            batch.bind("event", eventId)
                    .bind("endpoint", e.id())
                    .bind("now", now)
                    .add();
        batch.execute();
        tx.announce(new WebhookQueued(eventId));
    }

    private ObjectNode article(Article a) {
        ObjectNode node = json.createObjectNode();
        node.put("id", a.id());
        node.put("translation_group_id", a.translationGroupId());
        node.put("language", a.language());
        node.put("status", a.status().code());
        node.put("headline", a.headline());
        node.put("url", site.absolute(encoded(paths.path(a))));
        node.put("api_url", site.absolute("/api/v1/articles/" + a.id()));
        node.put(
                "published_at", a.publishedAt() == null ? null : a.publishedAt().toString());
        node.put("updated_at", a.updatedAt().toString());
        node.put("revision", a.revision());
        return node;
    }

    private ObjectNode link(Article a) {
        ObjectNode node = json.createObjectNode();
        node.put("id", a.id());
        node.put("language", a.language());
        node.put("headline", a.headline());
        node.put("url", site.absolute(encoded(paths.path(a))));
        return node;
    }

    private static String encoded(String path) {
        try {
            return new java.net.URI(null, null, path, null).toASCIIString();
        } catch (java.net.URISyntaxException e) {
            return path;
        }
    }
}
