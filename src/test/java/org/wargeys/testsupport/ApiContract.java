package org.wargeys.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API's contract in tests: the OpenAPI 3.1 document the program serves, parsed by a real OpenAPI
 * parser (swagger-parser), and every response an integration test receives validated against the
 * JSON Schema of its operation, status and media type (networknt's validator, draft 2020-12). A
 * response the document does not describe fails the test as surely as one that breaks its schema.
 * Thread-safe.
 */
public final class ApiContract {

    private static final String URI = "https://wargeys.test/openapi.json";
    private static final String TEXT = read();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode DOCUMENT = tree(TEXT);
    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(Map.of(URI, TEXT)));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private ApiContract() {}

    /** The document as the program ships it. */
    public static String text() {
        return TEXT;
    }

    /** The document read by swagger-parser, with the messages it had (none for a valid document). */
    public static SwaggerParseResult parse(String text) {
        return new OpenAPIV3Parser().readContents(text, null, null);
    }

    public static OpenAPI openApi() {
        return parse(TEXT).getOpenAPI();
    }

    /**
     * Fails unless the response is one the document describes for this operation, with a body its
     * schema accepts.
     *
     * @param path the request path, without the query
     */
    public static void check(String method, String path, int status, String contentType, String body) {
        if (method.equals("HEAD") || method.equals("OPTIONS")) return;
        String where = method + " " + path + " → " + status;
        if (status == 404 && !described(path)) {
            // An address the API does not have: a problem document all the same.
            if (contentType == null || !contentType.startsWith("application/problem+json")) {
                throw new AssertionError(where + ": not a problem document but " + contentType);
            }
            validate(JSON.createObjectNode().put("$ref", "#/components/schemas/Problem"), body, where);
            return;
        }
        JsonNode operation = operation(method, path, where);
        JsonNode responses = operation.path("responses");
        JsonNode response = responses.get(String.valueOf(status));
        if (response == null && status >= 400) response = responses.get("default");
        if (response == null) throw new AssertionError(where + ": the document describes no such response");
        JsonNode content = response.get("content");
        if (content == null) {
            if (body != null && !body.isEmpty()) throw new AssertionError(where + ": a body where none is described");
            return;
        }
        String media =
                contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        JsonNode described = content.get(media);
        if (described == null) throw new AssertionError(where + ": " + media + " is not among " + content.fieldNames());
        validate(described.path("schema"), body, where);
    }

    /** Fails unless a webhook's body matches the document's WebhookEvent schema. */
    public static void checkWebhook(String body) {
        validate(JSON.createObjectNode().put("$ref", "#/components/schemas/WebhookEvent"), body, "webhook");
    }

    private static void validate(JsonNode schema, String body, String where) {
        String pointer;
        if (schema.has("$ref")) {
            pointer = schema.get("$ref").asText();
        } else {
            // An inline schema: validated as itself.
            var errors = REGISTRY.getSchema(schema.toString(), com.networknt.schema.InputFormat.JSON)
                    .validate(body, com.networknt.schema.InputFormat.JSON);
            if (!errors.isEmpty()) throw new AssertionError(where + " breaks its schema: " + errors + "\n" + body);
            return;
        }
        Schema compiled = SCHEMAS.computeIfAbsent(pointer, p -> REGISTRY.getSchema(SchemaLocation.of(URI + p)));
        var errors = compiled.validate(body, com.networknt.schema.InputFormat.JSON);
        if (!errors.isEmpty()) {
            throw new AssertionError(where + " breaks " + pointer + ": " + errors + "\n" + body);
        }
    }

    private static boolean described(String path) {
        for (Iterator<String> it = DOCUMENT.path("paths").fieldNames(); it.hasNext(); ) {
            if (path.matches(it.next().replaceAll("\\{[^/]+}", "[^/]+"))) return true;
        }
        return false;
    }

    private static JsonNode operation(String method, String path, String where) {
        JsonNode paths = DOCUMENT.path("paths");
        // A literal path wins over a template (as routing does).
        JsonNode item = paths.get(path);
        if (item == null) {
            for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
                String template = it.next();
                String pattern = template.replaceAll("\\{[^/]+}", "[^/]+");
                if (path.matches(pattern)) {
                    item = paths.get(template);
                    break;
                }
            }
        }
        if (item == null) throw new AssertionError(where + ": no such path in the document");
        JsonNode operation = item.get(method.toLowerCase(Locale.ROOT));
        if (operation == null) throw new AssertionError(where + ": no such operation in the document");
        return operation;
    }

    /** Every path of the document with its operations (for checks that the routes are all described). */
    public static Map<String, List<String>> operations() {
        Map<String, List<String>> all = new java.util.TreeMap<>();
        DOCUMENT.path("paths").fields().forEachRemaining(e -> {
            List<String> methods = new java.util.ArrayList<>();
            e.getValue().fieldNames().forEachRemaining(m -> methods.add(m.toUpperCase(Locale.ROOT)));
            all.put(e.getKey(), methods);
        });
        return all;
    }

    private static String read() {
        try (InputStream in = ApiContract.class.getResourceAsStream("/api/openapi.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
