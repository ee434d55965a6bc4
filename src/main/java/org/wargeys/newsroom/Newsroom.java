package org.wargeys.newsroom;

import java.time.Clock;
import org.wargeys.account.AuditLog;
import org.wargeys.article.ArticleCorrections;
import org.wargeys.article.ArticleOrigins;
import org.wargeys.article.ArticlePaths;
import org.wargeys.article.ArticleRevisions;
import org.wargeys.article.ArticleSeo;
import org.wargeys.article.ArticleService;
import org.wargeys.article.ArticleWorkflow;
import org.wargeys.article.BodyRenderer;
import org.wargeys.article.Taxonomy;
import org.wargeys.media.MediaService;
import org.wargeys.platform.Site;
import org.wargeys.translation.TranslationProgress;
import org.wargeys.web.PageRenderer;

/**
 * What the newsroom's handlers share: the article services they act through and the plumbing they
 * render with. Built once by Wiring. Immutable; its parts are thread-safe.
 */
public record Newsroom(
        Site site,
        Clock clock,
        ArticleService articles,
        ArticleOrigins origins,
        ArticleSeo seo,
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
        DeskFactory desks,
        PageRenderer renderer,
        MediaService media,
        org.wargeys.sharing.ShareCounts shares) {}
