package org.wargeys.article;

import java.util.Map;
import org.wargeys.platform.ConflictException;

/** Someone saved the article after the writer opened it; answered with a 409 that says so. */
public final class EditConflictException extends ConflictException {

    private final long articleId;

    public EditConflictException(long articleId, int expectedRevision) {
        super("article.error.edit_conflict", Map.of("revision", expectedRevision));
        this.articleId = articleId;
    }

    public long articleId() {
        return articleId;
    }
}
