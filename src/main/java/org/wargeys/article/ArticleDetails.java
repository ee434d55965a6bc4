package org.wargeys.article;

import java.util.List;
import java.util.Optional;

/** An article with its section, tags and authors named in the article's language. Immutable. */
public record ArticleDetails(Article article, Optional<Section> section, List<Tag> tags, List<Author> authors) {
    public ArticleDetails {
        tags = List.copyOf(tags);
        authors = List.copyOf(authors);
    }
}
