package org.wargeys.newsroom;

import java.util.List;
import java.util.Map;

/**
 * The model of {@code newsroom/taxonomy.jte}: sections, tags and authors with their name in each
 * language, and the form to define or rename one.
 *
 * @param terms kind (section, tag, author) → key → language → name
 * @param xHandles author key → X account (without the @), for authors who have one
 * @param proposals tags authors proposed from the editor, for editors to accept, merge or turn down
 * @param mayChange whether the staff member may define, rename, merge and answer proposals (editors)
 */
public record TaxonomyPage(
        NewsroomLayout layout,
        List<String> languages,
        Map<String, Map<String, Map<String, String>>> terms,
        Map<String, String> xHandles,
        Map<String, String> errors,
        boolean saved,
        List<org.wargeys.article.Taxonomy.Proposal> proposals,
        boolean mayChange) {}
