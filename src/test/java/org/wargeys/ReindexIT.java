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

            List<String> args =
                    new ArrayList<>(List.of("reindex", "--data", site.dataDir().toString()));
            if (site.dbUrl() != null) args.addAll(List.of("--db-url", site.dbUrl(), "--db-user", "app"));
            StringWriter out = new StringWriter();
            CommandLine command = new CommandLine(new Wargeys());
            command.setOut(new PrintWriter(out));
            int exit = command.execute(args.toArray(String[]::new));

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
    void reindex_refuses_clearly_while_a_server_holds_the_index(DatabaseKind kind) {
        TestSite site = TestSite.start(kind);
        try {
            List<String> args =
                    new ArrayList<>(List.of("reindex", "--data", site.dataDir().toString()));
            if (site.dbUrl() != null) args.addAll(List.of("--db-url", site.dbUrl(), "--db-user", "app"));
            StringWriter err = new StringWriter();
            CommandLine command = new CommandLine(new Wargeys());
            command.setErr(new PrintWriter(err));
            int exit = command.execute(args.toArray(String[]::new));
            assertThat(exit).isEqualTo(1);
            assertThat(err.toString()).contains("Is a server still running on this data directory?");
        } finally {
            site.deleteData();
        }
    }
}
