package org.wargeys.pages;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wargeys.web.BadRequestException;

/**
 * The search form's fields as a reader sent them, checked: words ({@code q}), section, a date range
 * ({@code from}/{@code to}, days in the newsroom's time zone, both inclusive) and the page. A query
 * string that is not valid UTF-8, a search longer than {@link #MAX_QUERY} characters, an impossible
 * date or page is refused with a {@link BadRequestException}. Immutable.
 */
record SearchForm(String q, String section, LocalDate from, LocalDate to, int page) {

    static final int MAX_QUERY = 500;
    static final int MAX_PAGE = 100;

    static SearchForm parse(String rawQueryString, Map<String, String> params) {
        checkUtf8(rawQueryString);
        String q = params.getOrDefault("q", "").strip();
        if (q.length() > MAX_QUERY) {
            throw new BadRequestException("search.error.too_long", java.util.Map.of("max", MAX_QUERY));
        }
        String section = blankToNull(params.get("section"));
        if (section != null && !section.matches("[a-z0-9-]{1,80}")) section = null;
        int page = 1;
        String pageText = blankToNull(params.get("page"));
        if (pageText != null) {
            if (!pageText.matches("\\d{1,3}")
                    || Integer.parseInt(pageText) < 1
                    || Integer.parseInt(pageText) > MAX_PAGE) {
                throw new BadRequestException("error.request.page_number", java.util.Map.of("max", MAX_PAGE));
            }
            page = Integer.parseInt(pageText);
        }
        return new SearchForm(q, section, date(params.get("from")), date(params.get("to")), page);
    }

    Instant fromInstant(ZoneId zone) {
        return from == null ? null : from.atStartOfDay(zone).toInstant();
    }

    Instant untilInstant(ZoneId zone) {
        return to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    boolean hasFilters() {
        return section != null || from != null || to != null;
    }

    /** The query string of this search on another page. */
    String query(int otherPage) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", q);
        if (section != null) params.put("section", section);
        if (from != null) params.put("from", from.toString());
        if (to != null) params.put("to", to.toString());
        if (otherPage > 1) params.put("page", Integer.toString(otherPage));
        StringBuilder out = new StringBuilder();
        params.forEach((k, v) -> out.append(out.length() == 0 ? "?" : "&")
                .append(k)
                .append('=')
                .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            LocalDate date = LocalDate.parse(text.strip());
            if (date.getYear() < 1900 || date.getYear() > 9999)
                throw new DateTimeParseException("out of range", text, 0);
            return date;
        } catch (DateTimeParseException e) {
            throw new BadRequestException("search.error.date");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    // Servlet decoding would replace bad bytes silently; a reader's search must be exactly what they typed.
    static void checkUtf8(String raw) {
        if (raw == null || raw.isEmpty()) return;
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 4);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()
                        || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    throw new BadRequestException("error.request.bad_encoding");
                }
                bytes.put(
                        (byte) (Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16)));
                i += 2;
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
        } catch (CharacterCodingException e) {
            throw new BadRequestException("error.request.not_utf8");
        }
    }
}
