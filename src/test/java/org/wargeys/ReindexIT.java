package org.wargeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wargeys.search.SearchQuery;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;
import picocli.CommandLine;

/** {@code wargeys reindex} on a stopped site's data, on each database. */
class ReindexIT {

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void reindex_rebuilds_the_index_from_the_database_with_a_progress_bar(DatabaseKind kind) throws Exception {
        TestSite site = TestSite.start(kind);
        try {
            site.wiring().search().indexer().rebuilding().get();
            site.close();
            org.wargeys.testsupport.TestFiles.deleteTree(site.dataDir().resolve("search-index"));

            StringWriter out = new StringWriter();
            int exit = reindex(site, out, new StringWriter());

            assertThat(exit).isZero();
            assertThat(out.toString())
                    .contains("[" + " ".repeat(Reindex.BAR_WIDTH) + "]   0% 0/2")
                    .contains("[" + "#".repeat(Reindex.BAR_WIDTH) + "] 100% 2/2")
                    .contains("Indexed 2 published articles");

            site = site.restart();
            assertThat(site.wiring().search().index().needsRebuild()).isFalse();
            assertThat(site.wiring()
                            .search()
                            .index()
                            .search(SearchQuery.of("so", "Soleimani"))
                            .hits())
                    .hasSize(1);
        } finally {
            site.deleteData();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void reindex_over_a_full_index_leaves_exactly_the_published_articles_once(DatabaseKind kind) throws Exception {
        TestSite site = TestSite.start(kind);
        try {
            site.wiring().search().indexer().rebuilding().get();
            assertThat(site.wiring().search().index().size()).isEqualTo(2);
            // Unpublished behind the index's back (no journal entry): only a rebuild can notice.
            site.wiring()
                    .platform()
                    .database()
                    .jdbi()
                    .useHandle(h -> h.execute("UPDATE articles SET status = 'draft' WHERE language = 'en'"));
            site.close();

            StringWriter out = new StringWriter();
            assertThat(reindex(site, out, new StringWriter())).isZero();
            assertThat(out.toString()).contains("Indexed 1 published articles");

            site = site.restart();
            var index = site.wiring().search().index();
            assertThat(index.needsRebuild()).isFalse();
            // Written from nothing: the Somali article once, the English one gone.
            assertThat(index.size()).isEqualTo(1);
            assertThat(index.search(SearchQuery.of("so", "Soleimani")).hits()).hasSize(1);
            assertThat(index.search(SearchQuery.of("en", "Soleimani")).hits()).isEmpty();
        } finally {
            site.deleteData();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void reindex_refuses_clearly_while_a_server_holds_the_index(DatabaseKind kind) {

        TestSite site = TestSite.start(kind);
        try {
            StringWriter err = new StringWriter();
            int exit = reindex(site, new StringWriter(), err);
            assertThat(exit).isEqualTo(1);
            assertThat(err.toString()).contains("Is a server still running on this data directory?");
        } finally {
            site.deleteData();
        }
    }

    /** Runs {@code wargeys reindex} on the site's data, as from a terminal; returns its exit code. */
    private static int reindex(TestSite site, StringWriter out, StringWriter err) {
        List<String> args =
                new ArrayList<>(List.of("reindex", "--data", site.dataDir().toString()));
        if (site.dbUrl() != null) args.addAll(List.of("--db-url", site.dbUrl(), "--db-user", "app"));
        CommandLine command = new CommandLine(new Wargeys());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command.execute(args.toArray(String[]::new));
    }
}
