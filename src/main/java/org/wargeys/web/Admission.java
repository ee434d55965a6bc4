package org.wargeys.web;

/**
 * Decides, before a kept page leaves (a hit served straight from Jetty or an answer rendered by
 * Javalin), whether this asker may have it, and adds the headers that depend on the asker (CORS). The
 * API's content keys and rate limits live behind it; pages have none. Implementations are thread-safe.
 */
public interface Admission {

    /**
     * @return true to serve the page; false when the admission has answered the request itself (a
     *     refusal, a preflight)
     */
    boolean admit(Asker asker);

    /** The request as an admission sees it, on either path. */
    interface Asker {
        String method();

        String path();

        String header(String name);

        /** The connection's peer address (proxies are the admission's business). */
        String peerAddress();

        /** Sets a response header (sent with the page, or with a refusal). */
        void header(String name, String value);

        /** Answers the request instead of the page. */
        void refuse(int status, String contentType, byte[] body);

        /** The asker of a request Javalin routes (the cached path's misses, the API's own routes). */
        static Asker of(io.javalin.http.Context ctx) {
            return new Asker() {
                @Override
                public String method() {
                    return ctx.method().name();
                }

                @Override
                public String path() {
                    return ctx.path();
                }

                @Override
                public String header(String name) {
                    return ctx.header(name);
                }

                @Override
                public String peerAddress() {
                    return ctx.req().getRemoteAddr();
                }

                @Override
                public void header(String name, String value) {
                    ctx.header(name, value);
                }

                @Override
                public void refuse(int status, String contentType, byte[] body) {
                    ctx.status(status);
                    if (contentType != null) ctx.contentType(contentType);
                    ctx.result(body);
                }
            };
        }
    }
}
