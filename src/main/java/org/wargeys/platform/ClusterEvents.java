package org.wargeys.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries chosen domain events to every other node on the same PostgreSQL database, so that each
 * node's page cache and search index follow a change made on any of them. An event published on this
 * node's {@link EventBus} is sent with {@code pg_notify} (delivered when it commits, in commit order);
 * each node listens on one dedicated connection and publishes what arrives on its own bus, where the
 * same listeners as for a local change (index, purge) do the same work.
 *
 * <p>Why LISTEN/NOTIFY: the database is the one thing every node already shares; no broker to run. Its
 * limit: a node that loses its listening connection misses what was sent meanwhile, so after it
 * reconnects it runs {@code resync} (drop every cached page, re-read the index from the database).
 *
 * <p>On SQLite there is one node by design, and this does nothing. Thread-safe; close once.
 */
public final class ClusterEvents implements AutoCloseable {

    static final String CHANNEL = "wargeys_events";
    private static final Logger LOG = LoggerFactory.getLogger(ClusterEvents.class);
    private static final long RETRY_MILLIS = 1_000;
    /** PostgreSQL's limit on a notification's payload is 8,000 bytes. */
    static final int MAX_PAYLOAD_BYTES = 7_900;

    private final String node = UUID.randomUUID().toString();
    private final Database database;
    private final EventBus events;
    private final Runnable resync;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Class<?>> shared = new ConcurrentHashMap<>();
    // Set while an event that came from another node is published here, so it is not sent back out.
    private final ThreadLocal<Boolean> replaying = ThreadLocal.withInitial(() -> false);
    private final CountDownLatch listening = new CountDownLatch(1);
    private final Thread listener;
    private volatile boolean running = true;

    private ClusterEvents(Database database, EventBus events, Runnable resync) {
        this.database = database;
        this.events = events;
        this.resync = resync;
        this.listener = new Thread(this::listen, "wargeys-cluster-events");
        listener.setDaemon(true);
    }

    /** Starts listening when the database is PostgreSQL; {@code resync} runs after a lost connection. */
    public static ClusterEvents start(Database database, EventBus events, Runnable resync) {
        ClusterEvents cluster = new ClusterEvents(database, events, resync);
        if (database.dialect() == Dialect.POSTGRESQL) cluster.listener.start();
        else cluster.listening.countDown();
        return cluster;
    }

    /** Sends every event of this type published on this node to the other nodes. Subscribe it last. */
    public <E extends Record> void share(Class<E> type) {
        shared.put(type.getSimpleName(), type);
        if (database.dialect() != Dialect.POSTGRESQL) return;
        events.subscribe(type, event -> {
            if (!replaying.get()) send(event);
        });
    }

    /**
     * Sends an event to the other nodes only (this node has done the work another way): for a change
     * too large to name in a notification, such as an import, ask them to rebuild and purge.
     */
    public void tellOthers(Record event) {
        if (database.dialect() == Dialect.POSTGRESQL && !replaying.get()) send(event);
    }

    /** True on the thread applying another node's change, while it does (its CDN purge was already sent). */
    public boolean replaying() {
        return replaying.get();
    }

    /** Waits until the listening connection is open (tests, and a node's start-up). */
    public boolean awaitListening(long timeout, TimeUnit unit) throws InterruptedException {
        return listening.await(timeout, unit);
    }

    private void send(Object event) {
        ObjectNode message = json.createObjectNode();
        message.put("node", node);
        message.put("type", event.getClass().getSimpleName());
        message.set("event", json.valueToTree(event));
        String payload = message.toString();
        if (payload.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            // PostgreSQL refuses it; say which event is too large to share instead of failing obscurely.
            throw new IllegalArgumentException(
                    event.getClass().getSimpleName() + " is too large to send to the other nodes (" + payload.length()
                            + " characters; a notification holds " + MAX_PAYLOAD_BYTES + " bytes)");
        }
        database.jdbi()
                .useHandle(h -> h.createQuery("SELECT 1 FROM pg_notify(:channel, :payload)")
                        .bind("channel", CHANNEL)
                        .bind("payload", payload)
                        .mapTo(Integer.class)
                        .one());
    }

    private void listen() {
        boolean connectedBefore = false;
        while (running) {
            try (Connection connection = database.openDedicatedConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (connectedBefore) {
                    LOG.info("Listening to the other nodes again; resynchronizing what may have been missed");
                    resync.run();
                }
                connectedBefore = true;
                listening.countDown();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications == null) continue;
                    for (PGNotification n : notifications) receive(n.getParameter());
                }
            } catch (SQLException e) {
                if (!running) return;
                LOG.warn("Lost the connection that hears other nodes' changes ({}); retrying", e.getMessage());
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void receive(String payload) {
        try {
            JsonNode message = json.readTree(payload);
            if (node.equals(message.path("node").asText())) return;
            Class<?> type = shared.get(message.path("type").asText());
            if (type == null) return; // a newer node's event this version does not know
            Object event = json.treeToValue(message.path("event"), type);
            replaying.set(true);
            try {
                events.publish(event);
            } finally {
                replaying.set(false);
            }
        } catch (java.io.IOException | RuntimeException e) {
            LOG.error("Could not apply another node's change {}", payload, e);
        }
    }

    @Override
    public void close() {
        // No interrupt: the listener wakes from its 500 ms wait and sees the flag.
        running = false;
        try {
            listener.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
