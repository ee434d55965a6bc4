package org.wargeys.web;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves page-cache hits straight from Jetty, before the servlet and routing layers: a cached page
 * costs a map lookup and a buffer write, as a static file does. Misses, and everything else, go on
 * to Javalin, which renders and stores the page. Only paths that Javalin once answered with a 200
 * (after the request guard) can be in the cache, so a hit needs no further checks.
 */
final class CacheHitHandler extends Handler.Wrapper {

    private final PageCache cache;
    private final java.util.List<HttpField> securityHeaders;
    private static final HttpField HIT = new PreEncodedHttpField("X-Cache", "HIT");

    CacheHitHandler(PageCache cache, java.util.Map<String, String> securityHeaders) {
        this.cache = cache;
        this.securityHeaders = securityHeaders.entrySet().stream()
                .map(h -> (HttpField) new PreEncodedHttpField(h.getKey(), h.getValue()))
                .toList();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            HttpURI uri = request.getHttpURI();
            String query = uri.getQuery();
            PageCache.Entry entry = cache.hit(query == null ? uri.getPath() : uri.getPath() + "?" + query);
            if (entry != null) {
                boolean head = method.equals("HEAD");
                var headers = response.getHeaders();
                // A hit's response is fresh (only the request id is set before): its lines are added,
                // not put, which would search the ones already there for each.
                securityHeaders.forEach(headers::add);
                if (request.getAttribute(RequestTracker.ATTRIBUTE) instanceof RequestTracker.Tracked tracked) {
                    tracked.route = RequestObserver.PAGE_CACHE;
                }
                if (entry.admission != null && !entry.admission.admit(asker(request, response, callback, head))) {
                    return true;
                }
                headers.add(HIT);
                PageCache.write(
                        new PageCache.Exchange() {
                            @Override
                            public String requestHeader(String name) {
                                return request.getHeaders().get(name);
                            }

                            @Override
                            public void header(String name, String value) {
                                headers.put(name, value);
                            }

                            @Override
                            public void header(HttpField field) {
                                headers.add(field);
                            }

                            @Override
                            public void send(int status, String contentType, byte[] body) {
                                response.setStatus(status);
                                if (contentType != null) headers.add(HttpHeader.CONTENT_TYPE, contentType);
                                headers.add(new HttpField.LongValueHttpField(HttpHeader.CONTENT_LENGTH, body.length));
                                cache.servedHit(head ? 0 : body.length);
                                response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
                            }
                        },
                        entry);
                return true;
            }
        }
        return super.handle(request, response, callback);
    }

    private static Admission.Asker asker(Request request, Response response, Callback callback, boolean head) {
        return new Admission.Asker() {
            @Override
            public String method() {
                return request.getMethod();
            }

            @Override
            public String path() {
                return request.getHttpURI().getPath();
            }

            @Override
            public String header(String name) {
                return request.getHeaders().get(name);
            }

            @Override
            public String peerAddress() {
                return Request.getRemoteAddr(request);
            }

            @Override
            public void header(String name, String value) {
                response.getHeaders().put(name, value);
            }

            @Override
            public void refuse(int status, String contentType, byte[] body) {
                response.setStatus(status);
                if (contentType != null) response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
                response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
            }
        };
    }
}
