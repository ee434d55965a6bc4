package org.wargeys.newsroom;

import org.wargeys.account.AccountModule;
import org.wargeys.api.ApiModule;
import org.wargeys.article.ArticleModule;
import org.wargeys.desk.DeskModule;
import org.wargeys.feed.FeedModule;
import org.wargeys.mail.MailModule;
import org.wargeys.media.MediaModule;
import org.wargeys.media.MediaService;
import org.wargeys.newsletter.NewsletterModule;
import org.wargeys.platform.Platform;
import org.wargeys.search.SearchModule;
import org.wargeys.sharing.SharingModule;
import org.wargeys.translation.TranslationModule;
import org.wargeys.web.WebModule;
import org.wargeys.webhook.WebhookModule;

/**
 * The newsroom under {@code /admin}: the gate every staff request passes (session, CSRF, upload
 * limits) and the editors of articles, media, sections and tags, accounts and site settings.
 */
public final class NewsroomModule {

    /** The largest multipart body the server reads: the largest image upload plus room for its form's fields. */
    public static final long MAX_MULTIPART_BYTES = MediaService.MAX_BYTES + 64 * 1024;

    private final StaffGate gate;
    private final SignInEditor signIn;
    private final NotificationMailEditor notificationMail;
    private final ArticleListEditor articleList;
    private final ArticleEditor articleEditor;
    private final EditorSync editorSync;
    private final EditorPickers editorPickers;
    private final WorkflowEditor workflow;
    private final RevisionEditor revisions;
    private final UserEditor users;
    private final MediaEditor media;
    private final PasswordEditor password;
    private final TaxonomyEditor taxonomy;
    private final SettingsEditor settings;
    private final TokenEditor tokens;
    private final SubscribersEditor subscribers;
    private final PasswordResetEditor passwordReset;
    private final WebhookEditor webhooks;
    private final AuditEditor audit;
    private final DeskEditor desk;
    private final ArticleDeskEditor articleDesk;
    private final LiveEditor live;
    private final NotificationEditor notifications;

    /** @param preview renders an unsaved article as readers would get it (the public pages do) */
    public NewsroomModule(
            Platform platform,
            WebModule web,
            ArticleModule articles,
            TranslationModule translations,
            MediaModule mediaModule,
            AccountModule accounts,
            SharingModule sharing,
            SearchModule search,
            FeedModule feeds,
            ApiModule api,
            WebhookModule webhookModule,
            DeskModule deskModule,
            NewsletterModule newsletters,
            org.wargeys.desk.DeskMailModule deskMail,
            MailModule mail,
            org.wargeys.live.LiveModule live,
            ArticlePreview preview) {
        NewsroomLayouts layouts = new NewsroomLayouts(
                web.layouts(), web.negotiation(), web.assets(), platform.clock(), deskModule.notifications()::unread);
        NewsroomErrors errors = new NewsroomErrors(layouts, web.renderer());
        this.gate = new StaffGate(accounts.sessions(), platform.config().trustedProxies(), errors, MAX_MULTIPART_BYTES);
        Newsroom n = new Newsroom(
                platform.site(),
                platform.clock(),
                articles.service(),
                articles.origins(),
                articles.workflow(),
                articles.revisions(),
                articles.corrections(),
                articles.taxonomy(),
                translations.progress(),
                articles.paths(),
                articles.bodies(),
                preview,
                platform.audit(),
                gate,
                layouts,
                web.renderer(),
                mediaModule.service(),
                sharing.counts(),
                articles.autosaves(),
                articles.presence(),
                accounts.accounts());
        this.signIn = new SignInEditor(
                accounts.accounts(),
                accounts.sessions(),
                platform.audit(),
                gate,
                layouts,
                web.renderer(),
                deskMail.settings()::rememberLanguage);
        this.articleList = new ArticleListEditor(
                n,
                articles.listing(),
                articles.bulk(),
                deskModule.assignments(),
                deskModule.notes(),
                accounts.accounts());
        this.articleEditor = new ArticleEditor(n);
        this.editorSync = new EditorSync(n, articleEditor);
        this.editorPickers = new EditorPickers(n);
        this.desk = new DeskEditor(n, deskModule, articles.listing(), accounts.accounts());
        this.articleDesk = new ArticleDeskEditor(n, deskModule, accounts.accounts(), articleEditor);
        this.live = new LiveEditor(n, live, articleEditor); // live blogs (issue 17)
        this.notifications =
                new NotificationEditor(n, deskModule.notifications(), articles.listing(), accounts.accounts());
        this.workflow = new WorkflowEditor(n, articleEditor, newsletters.alerts());
        this.revisions = new RevisionEditor(n, articleEditor, accounts.accounts());
        this.users = new UserEditor(n, accounts.accounts(), mail.outbox());
        AuditSentences sentences = new AuditSentences(
                articles.service(), accounts.accounts(), platform.site().timezone());
        this.audit = new AuditEditor(n, accounts.accounts(), sentences);
        gate.tellChangesWith(audit::lastChange);
        this.media = new MediaEditor(n);
        this.password = new PasswordEditor(n, accounts.accounts(), accounts.sessions());
        this.taxonomy = new TaxonomyEditor(n);
        this.settings = new SettingsEditor(
                n,
                feeds.settings(),
                sharing.xAccount(),
                platform.siteSettings(),
                articles.listing(),
                platform.events(),
                search.index()::size,
                search.indexer()::isRebuilding,
                web.pageCache()::size);
        this.tokens = new TokenEditor(n, api.tokens(), api.contentKeys());
        this.webhooks = new WebhookEditor(n, webhookModule.endpoints());
        this.notificationMail = new NotificationMailEditor(n, deskMail.settings());
        this.subscribers = new SubscribersEditor(
                n, newsletters.subscriptions(), newsletters.alerts(), newsletters.digests(), newsletters.tools());
        this.passwordReset = new PasswordResetEditor(
                accounts.accounts(), mail.outbox(), platform.site(), gate, layouts, web.renderer());
    }

    /** Wraps every /admin handler but sign-in: a session, and the CSRF token on POST. */
    public StaffGate gate() {
        return gate;
    }

    public SignInEditor signIn() {
        return signIn;
    }

    public ArticleListEditor articleList() {
        return articleList;
    }

    public ArticleEditor articleEditor() {
        return articleEditor;
    }

    /** The editor's background calls: autosave, presence, conflicts, the session after signing in again. */
    public EditorSync editorSync() {
        return editorSync;
    }

    /** The editor's pickers: tags, bylines and images from the library. */
    public EditorPickers editorPickers() {
        return editorPickers;
    }

    public WorkflowEditor workflow() {
        return workflow;
    }

    public RevisionEditor revisions() {
        return revisions;
    }

    public UserEditor users() {
        return users;
    }

    public MediaEditor media() {
        return media;
    }

    public PasswordEditor password() {
        return password;
    }

    public TaxonomyEditor taxonomy() {
        return taxonomy;
    }

    public SettingsEditor settings() {
        return settings;
    }

    /** Personal access tokens and content keys (the API). */
    public TokenEditor tokens() {
        return tokens;
    }

    public WebhookEditor webhooks() {
        return webhooks;
    }

    public AuditEditor audit() {
        return audit;
    }

    /** The dashboard at /admin. */
    public DeskEditor desk() {
        return desk;
    }

    /** An article's notes and assignments. */
    /** A live article's coverage and composer (issue 17). */
    public LiveEditor live() {
        return live;
    }

    public ArticleDeskEditor articleDesk() {
        return articleDesk;
    }

    public NotificationEditor notifications() {
        return notifications;
    }

    /** "Forgot password": open to anyone, like sign-in. */
    public PasswordResetEditor passwordReset() {
        return passwordReset;
    }

    /** A staff member's choice of notifications by mail (issue 16). */
    public NotificationMailEditor notificationMail() {
        return notificationMail;
    }

    /** Readers' newsletters: subscribers per language and the alerts' send history (issue 16). */
    public SubscribersEditor subscribers() {
        return subscribers;
    }
}
