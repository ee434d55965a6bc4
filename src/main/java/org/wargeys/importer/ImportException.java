package org.wargeys.importer;

/**
 * An import file that cannot be read: what is wrong and, when known, the line and column. Nothing
 * was written.
 */
public final class ImportException extends RuntimeException {

    private final int line;
    private final int column;

    ImportException(String message, int line, int column, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
    }

    ImportException(String message, int line, Throwable cause) {
        this(message, line, -1, cause);
    }

    ImportException(String message, int line) {
        this(message, line, -1, null);
    }

    /** The line of the file where reading failed, or -1 when unknown. */
    int line() {
        return line;
    }

    /** The column (in characters, from 1) where reading failed, or -1 when unknown. */
    int column() {
        return column;
    }

    @Override
    public String getMessage() {
        if (line <= 0) return super.getMessage();
        return "line " + line + (column > 0 ? ", column " + column : "") + ": " + super.getMessage();
    }
}
