package org.wargeys.web;

/** Told of every answered request (metrics). Implementations are thread-safe and quick. */
public interface RequestObserver {

    /** The route of a page answered from the page cache, before routing. */
    String PAGE_CACHE = "page-cache";

    /** The route of a request no route matched (a 404, a refused request). */
    String UNMATCHED = "unmatched";

    /**
     * @param route the route template ({@code /{lang}/{year}/{month}/{slug}}), {@link #PAGE_CACHE} or
     *     {@link #UNMATCHED}: a bounded set, never the path itself
     */
    void observed(String method, String route, int status, long nanos);

    RequestObserver NONE = (method, route, status, nanos) -> {};
}
