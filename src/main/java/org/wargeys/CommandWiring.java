package org.wargeys;

import java.time.Clock;
import org.wargeys.account.AccountModule;
import org.wargeys.article.ArticleModule;
import org.wargeys.article.ArticlesChanged;
import org.wargeys.backup.BackupModule;
import org.wargeys.importer.ImporterModule;
import org.wargeys.media.MediaModule;
import org.wargeys.platform.Config;
import org.wargeys.platform.Platform;
import org.wargeys.search.JournalGrew;

/**
 * The parts of the site a terminal command needs, without the web server and without the search
 * index: a running server holds the index's lock, so export, import, backup and the account commands
 * work beside it. The server's index catches up with what a command changed from the article journal.
 */
final class CommandWiring implements AutoCloseable {

    private final Platform platform;
    private final MediaModule media;
    private final ArticleModule articles;
    private final ImporterModule importer;
    private final BackupModule backups;
    private final AccountModule accounts;

    CommandWiring(Config config, Clock clock) {
        this.platform = Platform.open(config, clock);
        try {
            this.media = new MediaModule(platform);
            this.accounts = new AccountModule(platform);
            this.articles = new ArticleModule(platform, media, accounts);
            this.importer = new ImporterModule(platform, articles, media);
            this.backups = new BackupModule(platform);
            // The serving nodes catch up with an import from the journal: on PostgreSQL, tell them now.
            platform.events()
                    .subscribe(ArticlesChanged.class, e -> platform.cluster().tellOthers(new JournalGrew()));

        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    Platform platform() {
        return platform;
    }

    ImporterModule importer() {
        return importer;
    }

    BackupModule backups() {
        return backups;
    }

    AccountModule accounts() {
        return accounts;
    }

    ArticleModule articles() {
        return articles;
    }

    @Override
    public void close() {
        platform.close();
    }
}
