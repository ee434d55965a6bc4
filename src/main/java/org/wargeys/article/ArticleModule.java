package org.wargeys.article;

import java.time.Duration;
import org.wargeys.account.AccountModule;
import org.wargeys.media.MediaModule;
import org.wargeys.platform.Platform;

/**
 * Articles: the content model, its use cases (write, save, publish, schedule, correct, restore), the
 * newsroom's and readers' queries on it, and the recurring publication of scheduled articles.
 */
public final class ArticleModule {

    /** A scheduled article goes live within this long of its time, even just after a restart. */
    static final Duration SCHEDULE_CHECK = Duration.ofSeconds(20);

    private final BodyRenderer bodies = new BodyRenderer(new HtmlSanitizer());
    private final ArticlePaths paths;
    private final ArticleOrigins origins;
    private final ArticleJournal journal;
    private final ArticleService service;
    private final ArticleWorkflow workflow;
    private final ArticleRevisions revisions;
    private final ArticleCorrections corrections;
    private final Taxonomy taxonomy;
    private final ArticleListing listing;
    private final ArticleArchive archive;
    private final ArticleSelection selection;
    private final ArticleAutosaves autosaves;
    private final ArticlePresence presence;
    private final ArticleBulk bulk;

    public ArticleModule(Platform platform, MediaModule media, AccountModule accounts) {
        var jdbi = platform.database().jdbi();
        this.paths = new ArticlePaths(platform.site().timezone());
        this.origins = new ArticleOrigins(jdbi);
        this.journal = new ArticleJournal(jdbi, platform.clock());
        this.service = new ArticleService(
                platform.database(),
                platform.transactions(),
                journal,
                origins,
                bodies,
                media.service(),
                platform.audit(),
                platform.site(),
                platform.clock(),
                accounts.accounts()::find);
        this.autosaves = new ArticleAutosaves(jdbi, platform.transactions(), platform.clock());
        this.presence = new ArticlePresence(platform.transactions(), platform.audit(), platform.clock());
        this.workflow = new ArticleWorkflow(jdbi, platform.transactions(), service, platform.audit(), platform.clock());
        this.revisions = new ArticleRevisions(
                jdbi, platform.transactions(), service, platform.audit(), platform.clock(), platform.site());
        this.corrections = new ArticleCorrections(
                jdbi, platform.transactions(), service, journal, platform.audit(), platform.clock());
        this.taxonomy = new Taxonomy(jdbi);
        this.listing = new ArticleListing(
                jdbi,
                platform.database().dialect(),
                platform.site().languages().stream().map(l -> l.code()).toList());

        this.archive = new ArticleArchive(jdbi);
        this.selection = new ArticleSelection(jdbi);
        this.bulk = new ArticleBulk(platform.transactions(), service, journal, platform.audit());
        platform.jobs().every("Publishing scheduled articles", Duration.ZERO, SCHEDULE_CHECK, workflow::publishDue);
        platform.jobs().every("Pruning the article journal", Duration.ofHours(1), Duration.ofHours(6), journal::prune);
    }

    public ArticleService service() {
        return service;
    }

    /** The journal of article changes, which copies outside the database replay. */
    public ArticleJournal journal() {
        return journal;
    }

    public ArticleWorkflow workflow() {
        return workflow;
    }

    public ArticleRevisions revisions() {
        return revisions;
    }

    public ArticleCorrections corrections() {
        return corrections;
    }

    public ArticleOrigins origins() {
        return origins;
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    public ArticleListing listing() {
        return listing;
    }

    /** The article list's bulk actions. */
    public ArticleBulk bulk() {
        return bulk;
    }

    public ArticleArchive archive() {
        return archive;
    }

    /** Published articles by filter and keyset cursor (the Content API's lists). */
    public ArticleSelection selection() {
        return selection;
    }

    /** Unsaved changes to articles that are not drafts, kept by the editor's autosave. */
    public ArticleAutosaves autosaves() {
        return autosaves;
    }

    /** Who has which article open in the editor. */
    public ArticlePresence presence() {
        return presence;
    }

    public ArticlePaths paths() {
        return paths;
    }

    public BodyRenderer bodies() {
        return bodies;
    }
}
