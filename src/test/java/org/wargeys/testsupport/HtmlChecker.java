package org.wargeys.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nu.validator.client.EmbeddedValidator;

/** The Nu HTML Checker, in process: returns the errors it finds in a page (empty when valid). */
public final class HtmlChecker {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlChecker() {}

    public static List<String> errors(String html) {
        try {
            EmbeddedValidator validator = new EmbeddedValidator();
            validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
            String report = validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
            List<String> errors = new ArrayList<>();
            for (JsonNode message : JSON.readTree(report).path("messages")) {
                String type = message.path("type").asText();
                if (type.equals("error") || (type.equals("non-document-error"))) {
                    errors.add("line " + message.path("lastLine").asText() + ": "
                            + message.path("message").asText() + " ["
                            + message.path("extract").asText() + "]");
                }
            }
            return errors;
        } catch (Exception e) {
            throw new IllegalStateException("The HTML checker failed", e);
        }
    }
}
