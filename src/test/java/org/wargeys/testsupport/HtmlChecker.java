package org.wargeys.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nu.validator.client.EmbeddedValidator;
import nu.validator.json.Serializer;
import nu.validator.messages.JsonMessageEmitter;
import nu.validator.messages.MessageEmitterAdapter;
import nu.validator.servlet.imagereview.ImageCollector;
import nu.validator.validation.SimpleDocumentValidator;
import nu.validator.xml.SystemErrErrorHandler;
import org.xml.sax.InputSource;

/**
 * The Nu HTML Checker, in process: returns the errors it finds in a page (empty when valid).
 *
 * <p>It checks a page exactly as {@link EmbeddedValidator} does (same schema, same checkers, same
 * messages), but reads the HTML schema once for the whole test run instead of once a page, which cost
 * about a tenth of a second for each page. As in the checker's own command line, one validator checks
 * page after page: it is reset before each, and each page gets new parsers and a new report.
 * Thread-safe (one page at a time).
 */
public final class HtmlChecker {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SimpleDocumentValidator shared;

    private HtmlChecker() {}

    public static synchronized List<String> errors(String html) {
        try {
            SimpleDocumentValidator validator = validator();
            ByteArrayOutputStream report = new ByteArrayOutputStream();
            MessageEmitterAdapter messages = report(validator, report);
            validator.setUpValidatorAndParsers(messages, false, false);
            validator.checkHtmlInputSource(
                    new InputSource(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8))));
            messages.end("Document checking completed. No errors found.", "Document checking completed.", "");
            List<String> errors = new ArrayList<>();
            for (JsonNode message : JSON.readTree(report.toByteArray()).path("messages")) {
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

    /** The validator with the HTML schema read, made once, as {@link EmbeddedValidator} makes it. */
    private static SimpleDocumentValidator validator() throws Exception {
        if (shared == null) {
            // Log4j set up, URLs not logged, language detection on: EmbeddedValidator's defaults.
            SimpleDocumentValidator made = new SimpleDocumentValidator(true, false, true);
            made.setUpMainSchema(EmbeddedValidator.SCHEMA_URL, new SystemErrErrorHandler());
            shared = made;
        }
        return shared;
    }

    /** A JSON report of one page, as {@link EmbeddedValidator} writes it. */
    private static MessageEmitterAdapter report(SimpleDocumentValidator validator, ByteArrayOutputStream out)
            throws Exception {
        MessageEmitterAdapter adapter = new MessageEmitterAdapter(
                null,
                validator.getSourceCode(),
                true,
                new ImageCollector(validator.getSourceCode()),
                0,
                true,
                new JsonMessageEmitter(new Serializer(out), null, false, null));
        adapter.setErrorsOnly(false);
        adapter.setHtml(true);
        adapter.start(null);
        return adapter;
    }
}
