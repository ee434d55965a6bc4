package org.wargeys.web;

import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.MDC;

/**
 * The outermost handler: gives every request an id (the one a proxy sent in {@code X-Request-Id} when
 * it is a plain token, else a new one), puts it in every log line written while the request runs
 * ({@code request_id}) and in the response, and tells the {@link RequestObserver} how it ended and
 * how long it took. Thread-safe.
 */
final class RequestTracker extends Handler.Wrapper {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "request_id";
    /** The request's {@link Tracked}, for the router to name the route. */
    static final String ATTRIBUTE = "wargeys.tracked";

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final RequestObserver observer;
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

    RequestTracker(RequestObserver observer, Handler handler) {
        super(handler);
        this.observer = observer;
    }

    /** Requests being answered right now. */
    int inFlight() {
        return inFlight.get();
    }

    /** What the layers below learn about a request: its id and its route. */
    static final class Tracked {
        final String id;
        volatile String route = RequestObserver.UNMATCHED;

        Tracked(String id) {
            this.id = id;
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long started = System.nanoTime();
        String sent = request.getHeaders().get(HEADER);
        String id = sent != null && TOKEN.matcher(sent).matches()
                ? sent
                : UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Tracked tracked = new Tracked(id);
        request.setAttribute(ATTRIBUTE, tracked);
        response.getHeaders().put(HEADER, id);
        String method = request.getMethod();
        Callback observed = new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                observe();
                super.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                observe();
                super.failed(x);
            }

            private void observe() {
                inFlight.decrementAndGet();
                try {
                    observer.observed(method, tracked.route, response.getStatus(), System.nanoTime() - started);
                } catch (RuntimeException e) {
                    // Metrics never break a response.
                }
            }
        };
        inFlight.incrementAndGet();
        MDC.put(MDC_KEY, id);
        try {
            boolean handled = super.handle(request, response, observed);
            if (!handled) inFlight.decrementAndGet(); // Jetty answers it (404) without our callback
            return handled;
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}
