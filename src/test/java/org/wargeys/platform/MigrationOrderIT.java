package org.wargeys.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.wargeys.testsupport.TestSite;

/**
 * A site upgraded from a release that had applied V0016 (media WebP) but not yet the lower numbers
 * reserved for features built beside it (V0011 editor, V0015 authors' X accounts): the program starts,
 * applies them, and serves. Database-independent (Flyway's own bookkeeping), so on SQLite only.
 */
class MigrationOrderIT {

    /** What that earlier release carried: V0001–V0010, then V0016. */
    private static final List<String> EARLIER_RELEASE = List.of(
            "V0001__content_model.sql",
            "V0002__share_counts.sql",
            "V0003__site_settings.sql",
            "V0004__import_sources.sql",
            "V0005__newsroom.sql",
            "V0006__media.sql",
            "V0007__pinned_articles.sql",
            "V0008__imported_featured_images.sql",
            "V0009__disabled_accounts.sql",
            "V0010__article_changes.sql",
            "V0016__media_webp.sql");

    @Test
    void a_migration_numbered_below_one_already_applied_is_applied_on_upgrade() throws IOException {
        Path data = Files.createTempDirectory("wargeys-upgrade");
        Path earlier = Files.createDirectories(data.resolve("earlier-release"));
        for (String name : EARLIER_RELEASE) {
            try (InputStream in = getClass().getResourceAsStream("/db/migration/" + name)) {
                assertThat(in).as(name).isNotNull();
                Files.copy(in, earlier.resolve(name));
            }
        }
        String url = "jdbc:sqlite:" + data.resolve("wargeys.db").toAbsolutePath();
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("filesystem:" + earlier)
                .placeholders(Dialect.SQLITE.placeholders())
                .load()
                .migrate();

        TestSite site = TestSite.onData(data, url);
        try {
            assertThat(site.get("/healthz").statusCode()).isEqualTo(200);
            List<String> applied = site.wiring()
                    .platform()
                    .database()
                    .jdbi()
                    .withHandle(h -> h.createQuery(
                                    "SELECT version FROM flyway_schema_history WHERE success = 1 ORDER BY installed_rank")
                            .mapTo(String.class)
                            .list());
            assertThat(applied).containsSubsequence("0010", "0016", "0011", "0015");
        } finally {
            site.deleteData();
        }
    }
}
