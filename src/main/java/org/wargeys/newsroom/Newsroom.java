package org.wargeys.newsroom;

import java.time.Clock;
import org.wargeys.account.AccountService;
import org.wargeys.article.ArticleAutosaves;
import org.wargeys.article.ArticleCorrections;
import org.wargeys.article.ArticleOrigins;
import org.wargeys.article.ArticlePaths;
import org.wargeys.article.ArticlePresence;
import org.wargeys.article.ArticleRevisions;
import org.wargeys.article.ArticleService;
import org.wargeys.article.ArticleWorkflow;
import org.wargeys.article.BodyRenderer;
import org.wargeys.article.Taxonomy;
import org.wargeys.media.MediaService;
import org.wargeys.platform.AuditLog;
import org.wargeys.platform.Site;
import org.wargeys.sharing.ShareCounts;
import org.wargeys.translation.TranslationProgress;
import org.wargeys.web.PageRenderer;

/**
 * What the newsroom's handlers share: the services they act through and the plumbing they render
 * with. Built once by {@link NewsroomModule}. Immutable; its parts are thread-safe.
 */
record Newsroom(
        Site site,
        Clock clock,
        ArticleService articles,
        ArticleOrigins origins,
        ArticleWorkflow workflow,
        ArticleRevisions revisions,
        ArticleCorrections corrections,
        Taxonomy taxonomy,
        TranslationProgress progress,
        ArticlePaths paths,
        BodyRenderer bodies,
        ArticlePreview preview,
        AuditLog audit,
        StaffGate gate,
        NewsroomLayouts layouts,
        PageRenderer renderer,
        MediaService media,
        ShareCounts shares,
        ArticleAutosaves autosaves,
        ArticlePresence presence,
        AccountService accounts) {}
