package org.wargeys.sharing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * Writes schema.org JSON-LD for a {@code <script type="application/ld+json">} element. Jackson does
 * the JSON; on top, {@code <}, {@code >}, {@code &} and the line separators U+2028/U+2029 are
 * written as {@code \\uXXXX}, so no text from an article can close the script element or start a
 * comment inside it. Thread-safe.
 */
final class NewsArticleJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setCharacterEscapes(new ScriptSafe());
        // Same article, same bytes: on every node and after every restart (a Map.of's order is not).
        MAPPER.enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    private NewsArticleJson() {}

    static String write(Map<String, Object> json) {
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class ScriptSafe extends CharacterEscapes {

        private final int[] escapes;

        ScriptSafe() {
            escapes = CharacterEscapes.standardAsciiEscapesForJSON();
            escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == 0x2028) return new com.fasterxml.jackson.core.io.SerializedString("\\u2028");
            if (ch == 0x2029) return new com.fasterxml.jackson.core.io.SerializedString("\\u2029");
            return null;
        }
    }
}
