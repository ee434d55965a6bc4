package org.wargeys.article;

/** Someone saved the article after the writer opened it; answered with a 409 that says so. */
public final class EditConflictException extends org.wargeys.platform.ConflictException {
    public EditConflictException(long articleId, int expectedRevision) {
        super("Article " + articleId + " was saved by someone else after revision " + expectedRevision
                + "; reload it to see their changes before saving yours.");
    }
}
