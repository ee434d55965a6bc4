package org.wargeys.newsroom;

/**
 * The model of {@code newsroom/error.jte}: what went wrong in the newsroom, in the staff member's
 * language, and the ways on from there.
 *
 * @param reason the precise reason (a conflict, the fields at fault), or null
 * @param actionHref where the main way on leads (sign in again, reload, the desk)
 * @param actionLabel that link's text
 * @param backHref the page the staff member came from, or null
 */
public record NewsroomErrorPage(
        NewsroomLayout layout,
        int status,
        String heading,
        String detail,
        String reason,
        String actionHref,
        String actionLabel,
        String backHref) {}
