package org.wargeys.metrics;

import com.sun.net.httpserver.HttpServer;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wargeys.mail.MailModule;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.Platform;
import org.wargeys.search.SearchModule;
import org.wargeys.web.WebModule;
import org.wargeys.webhook.WebhookModule;

/**
 * Prometheus metrics, never public by default: on a port of their own bound to loopback
 * ({@code metrics.port}, default 9464 when started by {@code wargeys serve}; {@code metrics.host}),
 * and, when {@code metrics.token} is set, at {@code /metrics} on the site's port for a scraper that
 * sends {@code Authorization: Bearer TOKEN}. Without a token, {@code /metrics} on the site is a 404.
 */
public final class MetricsModule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsModule.class);
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Metrics metrics;
    private final byte[] token;
    private final String host;
    private final int port;
    private HttpServer server;
    private volatile int bound = -1;

    public MetricsModule(
            Platform platform, WebModule web, SearchModule search, WebhookModule webhooks, MailModule mail) {
        var settings = platform.config().settings();
        this.metrics = new Metrics(registry, platform, web, search, webhooks, mail);
        web.observeRequests(metrics);
        String tokenSetting = settings.get("metrics.token");
        this.token = tokenSetting == null || tokenSetting.isBlank()
                ? null
                : tokenSetting.strip().getBytes(StandardCharsets.UTF_8);
        this.host = settings.getOrDefault("metrics.host", "127.0.0.1").strip();
        String portSetting = settings.get("metrics.port");
        this.port = portSetting == null
                        || portSetting.isBlank()
                        || portSetting.strip().equals("off")
                ? -1
                : parsePort(portSetting.strip());
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) return port;
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw new IllegalArgumentException("metrics.port must be a port number or 'off', not '" + value + "'");
    }

    /** Starts the metrics port, if one is set; returns it (-1: none). A port in use is logged, not fatal. */
    public int start() {
        if (port < 0) return -1;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 16);
            server.createContext("/metrics", exchange -> {
                byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            bound = server.getAddress().getPort();
            LOG.info("Metrics for Prometheus on http://{}:{}/metrics", host, bound);
            return bound;
        } catch (IOException e) {
            LOG.warn("Metrics are not served: {}:{} cannot be bound ({})", host, port, e.toString());
            server = null;
            return -1;
        }
    }

    /** {@code /metrics} on the site's port: only with the token. */
    public void scrape(Context ctx) {
        String header = ctx.header("Authorization");
        if (token == null
                || header == null
                || !header.startsWith("Bearer ")
                || !MessageDigest.isEqual(
                        token, header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8))) {
            throw new NotFoundException("No metrics here");
        }
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(CONTENT_TYPE);
        ctx.result(registry.scrape());
    }

    /** The metrics port bound, or -1 for none. */
    public int port() {
        return bound;
    }

    /** The text a scrape returns (tests). */
    public String scrapeText() {
        return registry.scrape();
    }

    @Override
    public void close() {
        if (server != null) server.stop(0);
        metrics.close();
        registry.close();
    }
}
