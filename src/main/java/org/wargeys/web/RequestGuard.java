package org.wargeys.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Refuses request paths no page could have: absurdly long, broken percent-encoding, bytes that are
 * not UTF-8, control characters, dot-segments and encoded separators. Runs before routing, so such
 * paths never reach a handler or the file system.
 */
final class RequestGuard {

    public static final int MAX_PATH_LENGTH = 2048;

    private RequestGuard() {}

    /** @throws BadRequestException naming what is wrong with the raw (still encoded) path */
    public static void check(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) return;
        if (rawPath.length() > MAX_PATH_LENGTH) {
            throw new BadRequestException("error.request.too_long", java.util.Map.of("max", MAX_PATH_LENGTH));
        }
        // Most paths are plain ASCII without escapes: check those without decoding or allocating.
        String decoded = rawPath.indexOf('%') < 0 ? rawPath : decode(rawPath);
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                throw new BadRequestException("error.request.bad_character");
            }
        }
        String lower = rawPath.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("%2f") || (decoded + "/").contains("/../") || (decoded + "/").contains("/./")) {
            throw new BadRequestException("error.request.bad_segment");
        }
    }

    private static String decode(String raw) {
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 4);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                    throw new BadRequestException("error.request.bad_encoding");
                }
                bytes.put((byte) (hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2))));
                i += 2;
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadRequestException("error.request.not_utf8");
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
