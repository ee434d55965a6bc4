package org.wargeys;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import org.slf4j.LoggerFactory;

/**
 * The log's format: lines for people (the default) or, with {@code log.format=json}, one JSON object
 * per line for a log collector: time, level, thread, logger, the request id ({@code mdc.request_id})
 * and the message, with the stack trace of a failure in the same object.
 */
final class Logs {

    private Logs() {}

    /** Applies the {@code log.format} setting ({@code text} or {@code json}). */
    static void use(String format) {
        if (format == null || format.isBlank() || format.strip().equalsIgnoreCase("text")) return;
        if (!format.strip().equalsIgnoreCase("json")) {
            throw new IllegalArgumentException("log.format is text or json, not '" + format + "'");
        }
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) json(context);
    }

    /** Switches the context's STDERR appender to JSON lines. */
    static void json(LoggerContext context) {
        var appender = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
        if (!(appender instanceof OutputStreamAppender<ILoggingEvent> stream)) return;
        JsonEncoder json = new JsonEncoder();
        json.setContext(context);
        json.setWithContext(false);
        json.setWithSequenceNumber(false);
        json.setWithNanoseconds(false);
        json.setWithArguments(false);
        json.setWithMessage(false);
        json.setWithFormattedMessage(true);
        json.start();
        // Swapped on the running appender: stopping it would close standard error.
        stream.setEncoder(json);
    }
}
