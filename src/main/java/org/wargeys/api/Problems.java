package org.wargeys.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wargeys.article.EditConflictException;
import org.wargeys.platform.ConflictException;
import org.wargeys.platform.NotFoundException;
import org.wargeys.platform.StorageFailure;
import org.wargeys.platform.ValidationException;
import org.wargeys.web.LanguageNegotiation;
import org.wargeys.web.MessageBundles;
import org.wargeys.web.Messages;

/**
 * Errors as RFC 9457 problem details ({@code application/problem+json}): a type, a title and a
 * {@code detail} worded in the asker's Accept-Language (among the site's languages), the field errors
 * of a validation problem, and for an edit conflict the article's current revision. The same message
 * keys as the newsroom, so the API and the forms say the same thing. Thread-safe.
 */
final class Problems {

    static final String TYPE = "application/problem+json";
    static final String PREFIX = "urn:wargeys:problem:";
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private final MessageBundles bundles;
    private final LanguageNegotiation negotiation;
    private final ObjectMapper json = new ObjectMapper();

    Problems(MessageBundles bundles, LanguageNegotiation negotiation) {
        this.bundles = bundles;
        this.negotiation = negotiation;
    }

    Messages messages(String acceptLanguage) {
        return bundles.of(negotiation.preferred(acceptLanguage).code());
    }

    /** A problem's body: {@code kind} names its type and its title's key ({@code api.problem.KIND}). */
    byte[] body(Messages msg, int status, String kind, String detail, String instance) {
        return json(node(msg, status, kind, detail, instance));
    }

    ObjectNode node(Messages msg, int status, String kind, String detail, String instance) {
        ObjectNode problem = json.createObjectNode();
        problem.put("type", PREFIX + kind);
        problem.put("title", msg.get("api.problem." + kind.replace('-', '_')));
        problem.put("status", status);
        problem.put("detail", detail);
        if (instance != null) problem.put("instance", instance);
        return problem;
    }

    byte[] json(ObjectNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers a refusal of the API's own. */
    void send(Context ctx, ApiRefusal refusal) {
        Messages msg = messages(ctx.header("Accept-Language"));
        send(
                ctx,
                msg,
                refusal.status(),
                node(msg, refusal.status(), refusal.type(), msg.format(refusal.key(), refusal.args()), ctx.path()));
    }

    /** Answers any exception a handler let out, as the web server's error pages do for pages. */
    void send(Context ctx, Exception e) {
        Messages msg = messages(ctx.header("Accept-Language"));
        String path = ctx.path();
        if (e instanceof ApiRefusal refusal) {
            send(ctx, refusal);
        } else if (e instanceof ValidationException v) {
            ObjectNode problem = node(msg, 422, "validation", msg.get("api.problem.validation.detail"), path);
            var errors = problem.putArray("errors");
            v.problems().forEach((field, p) -> {
                ObjectNode error = errors.addObject();
                error.put("field", field);
                error.put("detail", msg.problem(p));
            });
            send(ctx, msg, 422, problem);
        } else if (e instanceof ConflictException conflict) {
            send(ctx, msg, 409, node(msg, 409, "conflict", msg.problem(conflict.problem()), path));
        } else if (e instanceof NotFoundException) {
            send(ctx, msg, 404, node(msg, 404, "not-found", msg.get("api.problem.not_found.detail"), path));
        } else if (e instanceof org.wargeys.web.BadRequestException bad) {
            send(ctx, msg, 400, node(msg, 400, "bad-request", msg.problem(bad.problem()), path));
        } else if (e instanceof org.wargeys.search.SearchBusy) {
            ctx.header("Retry-After", String.valueOf(org.wargeys.search.SearchBusy.RETRY_AFTER_SECONDS));
            send(ctx, msg, 503, node(msg, 503, "busy", msg.get("search.busy"), path));
        } else if (StorageFailure.of(e).isPresent()) {

            ctx.header("Retry-After", "30");
            String detail = msg.get(StorageFailure.of(e).get().kind().key());
            send(ctx, msg, 503, node(msg, 503, "unavailable", detail, path));
        } else {
            LOG.error("{} {} failed", ctx.method(), path, e);
            send(ctx, msg, 500, node(msg, 500, "server-error", msg.get("api.problem.server_error.detail"), path));
        }
    }

    /** Someone saved the article in between: 409 with the revision to start again from. */
    void editConflict(Context ctx, EditConflictException conflict, int currentRevision) {
        Messages msg = messages(ctx.header("Accept-Language"));
        ObjectNode problem = node(msg, 409, "edit-conflict", msg.problem(conflict.problem()), ctx.path());
        problem.put("current_revision", currentRevision);
        ctx.header("ETag", "\"" + currentRevision + "\"");
        send(ctx, msg, 409, problem);
    }

    void send(Context ctx, Messages msg, int status, ObjectNode problem) {
        org.wargeys.web.WebServer.errorAnswered(ctx);
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Language", msg.language().code());
        ctx.status(status).contentType(TYPE).result(json(problem));
    }

    static Map<String, Object> none() {
        return Map.of();
    }
}
