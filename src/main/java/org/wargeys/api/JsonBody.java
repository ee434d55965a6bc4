package org.wargeys.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wargeys.platform.ValidationException;

/**
 * A request's JSON object, read field by field with the field's name in every complaint: a field of
 * the wrong type, or one the endpoint does not know (a typo would otherwise be silently ignored), is a
 * validation problem like any other. Immutable.
 */
final class JsonBody {

    private final ObjectNode node;

    private JsonBody(ObjectNode node) {
        this.node = node;
    }

    static JsonBody parse(ObjectMapper mapper, byte[] bytes, Set<String> known) {
        JsonNode tree;
        try {
            tree = bytes.length == 0 ? null : mapper.readTree(bytes);
        } catch (IOException e) {
            throw new ApiRefusal(400, "bad-request", "api.error.json");
        }
        if (tree == null || !tree.isObject()) throw new ApiRefusal(400, "bad-request", "api.error.json_object");
        Iterator<String> names = tree.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw ValidationException.of(name, "api.error.field_unknown", Map.of("field", name));
            }
        }
        return new JsonBody((ObjectNode) tree);
    }

    boolean has(String field) {
        return node.has(field);
    }

    /** The text, null if absent or null. */
    String text(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isTextual()) throw wrong(field, "text");
        return value.asText();
    }

    Long number(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isIntegralNumber() || !value.canConvertToLong()) throw wrong(field, "number");
        return value.asLong();
    }

    Boolean bool(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isBoolean()) throw wrong(field, "boolean");
        return value.asBoolean();
    }

    List<String> texts(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isArray()) throw wrong(field, "list");
        List<String> texts = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) throw wrong(field, "list");
            texts.add(item.asText());
        }
        return texts;
    }

    /** An object of text values (names by language). */
    Map<String, String> textMap(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isObject()) throw wrong(field, "object");
        Map<String, String> map = new LinkedHashMap<>();
        var fields = value.fields();
        while (fields.hasNext()) {
            var entry = fields.next();
            if (!entry.getValue().isTextual()) throw wrong(field, "object");
            map.put(entry.getKey(), entry.getValue().asText());
        }
        return map;
    }

    JsonBody object(String field, Set<String> known) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isObject()) throw wrong(field, "object");
        var names = value.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw ValidationException.of(
                        field + "." + name, "api.error.field_unknown", Map.of("field", field + "." + name));
            }
        }
        return new JsonBody((ObjectNode) value);
    }

    private static ValidationException wrong(String field, String type) {
        String key = switch (type) {
            case "text" -> "api.error.field_type_text";
            case "number" -> "api.error.field_type_number";
            case "boolean" -> "api.error.field_type_boolean";
            case "list" -> "api.error.field_type_list";
            default -> "api.error.field_type_object";
        };
        return ValidationException.of(field, key, Map.of("field", field));
    }
}
