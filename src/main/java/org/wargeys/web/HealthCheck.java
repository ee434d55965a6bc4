package org.wargeys.web;

import io.javalin.http.Context;
import org.wargeys.platform.Database;

/** {@code GET /healthz}: 200 when the database answers, 503 when it does not; never cached. */
public final class HealthCheck {

    private final Database database;

    public HealthCheck(Database database) {
        this.database = database;
    }

    public void check(Context ctx) {
        boolean up = database.isHealthy();
        String dialect = database.dialect().name().toLowerCase(java.util.Locale.ROOT);
        ctx.status(up ? 200 : 503);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json");
        ctx.result("{\"status\":\"" + (up ? "ok" : "unavailable") + "\",\"database\":{\"kind\":\"" + dialect
                + "\",\"up\":" + up + "}}");
    }
}
