package org.wargeys.importer;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.wargeys.platform.Site;

/**
 * Chooses the translation group an imported article joins, never one that already has an article in
 * its language: the group its Polylang or WPML group became on an earlier item or import, or a new
 * one for that group; without such a group, the article's own group from an earlier import, or a new
 * one. Not thread-safe (it writes on the import's handle): one per import.
 */
final class ImportedTranslationGroups {

    private final ImportStore store;
    private final ImportRecords records;
    private final Site site;

    ImportedTranslationGroups(ImportStore store, ImportRecords records, Site site) {
        this.store = store;
        this.records = records;
        this.site = site;
    }

    /**
     * The group of the item's article ({@code existingId}, or -1 for a new article) in {@code language}.
     *
     * @param groupKey WordPress's translation group of the item ({@link WordPressValues#groupKey}), or null
     * @param note hears why the article did not join its WordPress group
     */
    long of(
            String source,
            WxrItem item,
            String groupKey,
            String language,
            long existingId,
            Instant date,
            Consumer<String> note) {
        if (groupKey != null) {
            Optional<Long> group = records.translationGroup(source, groupKey);
            if (group.isPresent()) {
                if (!store.groupHasLanguage(group.get(), language, existingId)) return group.get();
                note.accept(
                        "Its translation group already has a " + language + " article; it was imported on its own.");
            } else {
                String sourceLanguage = item.meta().getOrDefault("_wpml_import_source_language_code", "");
                long created =
                        store.newTranslationGroup(site.publishesIn(sourceLanguage) ? sourceLanguage : language, date);
                records.translationGroup(source, groupKey, created);
                return created;
            }
        }
        if (existingId > 0) {
            Optional<Long> own = store.groupOf(existingId);
            if (own.isPresent() && !store.groupHasLanguage(own.get(), language, existingId)) return own.get();
        }
        return store.newTranslationGroup(language, date);
    }
}
