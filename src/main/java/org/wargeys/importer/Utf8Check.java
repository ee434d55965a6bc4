package org.wargeys.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the first byte of a file that is not UTF-8, by line and column: an XML parser says only that
 * the encoding is broken, somewhere near where it was reading ahead. Stateless.
 */
final class Utf8Check {

    /** Where the first bad byte is: line and column from 1, and its offset in the file. */
    record Position(int line, int column, long offset) {}

    private Utf8Check() {}

    static Optional<Position> firstError(Path file) {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            int line = 1;
            int column = 1;
            long offset = 0;
            int b;
            while ((b = in.read()) >= 0) {
                int extra;
                if (b < 0x80) extra = 0;
                else if (b >= 0xC2 && b <= 0xDF) extra = 1;
                else if (b >= 0xE0 && b <= 0xEF) extra = 2;
                else if (b >= 0xF0 && b <= 0xF4) extra = 3;
                else return Optional.of(new Position(line, column, offset));
                for (int i = 0; i < extra; i++) {
                    int c = in.read();
                    if (c < 0x80 || c > 0xBF) return Optional.of(new Position(line, column, offset));
                }
                offset += 1 + extra;
                if (b == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
