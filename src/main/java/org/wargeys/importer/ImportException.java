package org.wargeys.importer;

/** An import file that cannot be read: what is wrong and, when known, the line. Nothing was written. */
public final class ImportException extends RuntimeException {

    private final int line;

    ImportException(String message, int line, Throwable cause) {
        super(message, cause);
        this.line = line;
    }

    ImportException(String message, int line) {
        this(message, line, null);
    }

    /** The line of the file where reading failed, or -1 when unknown. */
    int line() {
        return line;
    }

    @Override
    public String getMessage() {
        return line > 0 ? "line " + line + ": " + super.getMessage() : super.getMessage();
    }
}
