package org.wargeys.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A webhook receiver for tests: a real HTTP server (the JDK's) on a free loopback port that records
 * every request it gets and answers with the status the test sets (a receiver that fails, then
 * recovers). Close it to stop it.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received: its headers (lower-case names) and its raw body. */
    public record Received(Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new java.util.TreeMap<>();
            exchange.getRequestHeaders()
                    .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), List.copyOf(v)));
            received.add(new Received(headers, new String(body, StandardCharsets.UTF_8)));
            int answer = status.get();
            byte[] reply = (answer < 300 ? "thanks" : "receiver down for maintenance").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The status every following request is answered with. */
    public void answer(int code) {
        status.set(code);
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public List<Received> ofType(String type) {
        return received().stream()
                .filter(r -> r.body().contains("\"type\":\"" + type + "\""))
                .toList();
    }

    /** Waits until the condition holds; the deadline only bounds a failing test. */
    public static void eventually(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError("Not so within 20 seconds");
            Thread.onSpinWait();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
