package org.wargeys.article;

/**
 * A change to a published article is waiting for an editor's approval (an author's or translator's
 * edit, or a restored revision). Announced on the proposal's transaction; the desk hears it there to
 * ring the editors' bell. Only this node hears it: the public page has not changed.
 */
public record ArticleChangeProposed(long articleId, long changeId, Long actorId) {}
