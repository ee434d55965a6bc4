package org.wargeys.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An index written by an older version (documents of another shape) is rebuilt, a current one is kept. */
class SearchIndexSchemaTest {

    @TempDir
    Path dir;

    @Test
    void a_complete_index_of_the_current_shape_needs_no_rebuild() {
        try (SearchIndex index = SearchIndex.open(dir, Clock.systemUTC())) {
            assertThat(index.needsRebuild()).as("new").isTrue();
            index.commit(true);
        }
        try (SearchIndex index = SearchIndex.open(dir, Clock.systemUTC())) {
            assertThat(index.needsRebuild()).isFalse();
        }
    }

    @Test
    void a_complete_index_from_before_term_vectors_is_rebuilt() throws Exception {
        try (var directory = FSDirectory.open(dir);
                var writer = new IndexWriter(directory, new IndexWriterConfig())) {
            writer.setLiveCommitData(Map.of("complete", "true").entrySet());
            writer.commit();
        }
        try (SearchIndex index = SearchIndex.open(dir, Clock.systemUTC())) {
            assertThat(index.needsRebuild()).isTrue();
        }
    }
}
