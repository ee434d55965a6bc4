vcl 4.1;
# Varnish (7.x, with varnish-modules' xkey) in front of Wargeys (docs/deploy.md).
# Pages carry their surrogate keys (Surrogate-Key: article-12 home-en site); Wargeys purges them
# through its purge hook: cache.purge-url=http://VARNISH:6081/.wargeys/purge
# bench/varnish-check.sh and VarnishIT start this file in front of a real Wargeys and check it.

import xkey;
import std;

backend wargeys {
    .host = "127.0.0.1";
    .port = "8080";
    .probe = {
        .url = "/readyz";
        .timeout = 1s;
        .interval = 5s;
        .window = 5;
        .threshold = 3;
    }
}

# Who may purge: the Wargeys nodes.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.url == "/.wargeys/purge") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.Surrogate-Key) {
            return (synth(400, "No Surrogate-Key"));
        }
        set req.http.n-gone = xkey.purge(req.http.Surrogate-Key);
        return (synth(200, "Purged " + req.http.n-gone));
    }
    # Wargeys believes X-Forwarded-* only from its trusted proxies (trusted.proxies).
    if (req.http.X-Forwarded-Proto !~ "^https?$") {
        unset req.http.X-Forwarded-Proto;
    }
    # Only reads are cached; the newsroom, sign-in, the API and health checks pass straight through.
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|api/|healthz|readyz|livez|metrics)") {
        return (pass);
    }
    # A newsroom session cookie is not needed by public pages: they are the same for everyone.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # xkey indexes objects by the keys in the xkey header.
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    # Pages say max-age=60 (and stale-while-revalidate): keep them longer here, since every change
    # purges them at once; browsers still revalidate after a minute.
    if (beresp.http.Surrogate-Key && beresp.status == 200 && beresp.http.Cache-Control !~ "no-store") {
        set beresp.ttl = 1h;
        set beresp.grace = 1d;
    }
    # A page Wargeys rendered while a purge ran says no-store: never kept here either.
    if (beresp.http.Cache-Control ~ "no-store|private") {
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
}

sub vcl_deliver {
    # The keys are for this cache, not for readers.
    unset resp.http.xkey;
    if (obj.hits > 0) {
        set resp.http.X-Varnish-Cache = "HIT";
    } else {
        set resp.http.X-Varnish-Cache = "MISS";
    }
}
