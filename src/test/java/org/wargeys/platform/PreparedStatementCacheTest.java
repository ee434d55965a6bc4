package org.wargeys.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreparedStatementCacheTest {

    @TempDir
    Path dir;

    @Test
    void a_statement_run_again_is_the_one_prepared_before_and_answers_with_the_new_arguments() {
        Jdbi jdbi = Jdbi.create("jdbc:sqlite:" + dir.resolve("t.db"));
        try (var h = PreparedStatementCache.on(jdbi.open())) {
            h.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT)");
            List<Object> statements = new java.util.ArrayList<>();
            for (String x : List.of("a", "b", "c")) {
                h.createUpdate("INSERT INTO t (x) VALUES (:x)")
                        .bind("x", x)
                        .addCustomizer(new org.jdbi.v3.core.statement.StatementCustomizer() {
                            @Override
                            public void beforeExecution(
                                    java.sql.PreparedStatement stmt, org.jdbi.v3.core.statement.StatementContext ctx) {
                                statements.add(stmt);
                            }
                        })
                        .execute();
            }
            assertThat(statements).hasSize(3).allMatch(s -> s == statements.get(0));
            assertThat(h.createQuery("SELECT x FROM t ORDER BY id")
                            .mapTo(String.class)
                            .list())
                    .containsExactly("a", "b", "c");
        }
    }

    @Test
    void the_same_query_run_inside_its_own_results_gets_a_statement_of_its_own() {
        Jdbi jdbi = Jdbi.create("jdbc:sqlite:" + dir.resolve("t.db"));
        try (var h = PreparedStatementCache.on(jdbi.open())) {
            h.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT)");
            h.execute("INSERT INTO t (x) VALUES ('a'), ('b')");
            String sql = "SELECT x FROM t WHERE id >= :from ORDER BY id";
            List<String> pairs = new java.util.ArrayList<>();
            try (var outer = h.createQuery(sql).bind("from", 1).mapTo(String.class).stream()) {
                outer.forEach(x -> pairs.add(x
                        + h.createQuery(sql).bind("from", 2).mapTo(String.class).one()));
            }
            assertThat(pairs).containsExactly("ab", "bb");
        }
    }
}
