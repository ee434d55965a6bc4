package org.wargeys;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LogsTest {

    @Test
    void the_json_format_writes_one_object_per_line_with_the_request_id() throws Exception {
        LoggerContext context = new LoggerContext();
        // The MDC that org.slf4j.MDC writes to: the program's own context's.
        context.setMDCAdapter(((LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory()).getMDCAdapter());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setName("STDERR");
        appender.setContext(context);
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern("%msg%n");
        text.start();
        appender.setEncoder(text);
        appender.setOutputStream(out);
        appender.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);

        Logs.json(context);
        var log = context.getLogger("org.wargeys.Example");
        MDC.put("request_id", "abc123");
        try {
            log.info("Published {} with \"quotes\"\nand a second line", "article-7");
        } finally {
            MDC.remove("request_id");
        }
        log.warn("Outside a request", new IllegalStateException("boom"));

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.path("level").asText()).isEqualTo("INFO");
        assertThat(first.path("loggerName").asText()).isEqualTo("org.wargeys.Example");
        assertThat(first.path("formattedMessage").asText())
                .isEqualTo("Published article-7 with \"quotes\"\nand a second line");
        assertThat(first.path("mdc").path("request_id").asText()).isEqualTo("abc123");
        assertThat(first.has("timestamp")).isTrue();
        JsonNode second = json.readTree(lines.get(1));
        assertThat(second.path("throwable").path("message").asText()).isEqualTo("boom");
        assertThat(second.path("mdc").path("request_id").isMissingNode()
                        || second.path("mdc").isEmpty())
                .isTrue();
    }

    @Test
    void an_unknown_format_is_refused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Logs.use("xml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("text or json");
    }
}
