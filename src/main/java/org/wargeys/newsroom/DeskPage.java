package org.wargeys.newsroom;

import java.util.List;

/**
 * The model of {@code newsroom/desk.jte}, the dashboard at {@code /admin}: what needs doing today,
 * for this staff member's role. A list that does not concern the role is null (not shown); an empty
 * list is shown with its empty state.
 */
public record DeskPage(
        NewsroomLayout layout,
        List<Item> assigned,
        List<Item> returned,
        List<Item> drafts,
        List<TranslationNeed> translations,
        List<Item> review,
        List<Item> pending,
        List<Item> scheduled,
        List<Day> week,
        List<Item> published,
        List<Item> corrections,
        List<Item> openAssignments,
        String timezone) {

    /**
     * One article on the desk, with what is said about it there.
     *
     * @param href where it leads (the editor, or its notes and assignments)
     * @param note what the list says about it ("submitted by Asha · 09:40", "due 14:00 EAT", "12 shares")
     * @param late whether it is past its due time
     */
    public record Item(
            long articleId, String headline, String language, String state, String href, String note, boolean late) {}

    /** For a translator: one of their languages, the articles missing in it and its outdated translations. */
    public record TranslationNeed(String language, String name, List<Item> missing, List<Item> outdated) {}

    /** A day of the week's calendar (in the site's time zone) and what is scheduled on it. */
    public record Day(String name, String date, boolean today, List<Item> items) {}
}
