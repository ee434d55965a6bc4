package org.wargeys.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;

/** A file that is not UTF-8 is refused with the line and column of its first bad byte, and nothing printed. */
class ImportEncodingIT {

    @TempDir
    Path temp;

    @Test
    void a_file_that_is_not_utf8_is_refused_with_its_line_and_column_and_nothing_else_on_the_terminal()
            throws Exception {
        Path file = temp.resolve("latin1.xml");
        byte[] head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n<channel>\n<title>Caf"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = " au port</title>\n</channel>\n</rss>\n".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(head);
        bytes.write(0xE9); // é in Latin-1: not UTF-8
        bytes.write(tail);
        Files.write(file, bytes.toByteArray());

        TestSite site = TestSite.start(DatabaseKind.SQLITE, false);
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            ImportException refused = catchThrowableOfType(
                    ImportException.class,
                    () -> site.wiring()
                            .importer()
                            .wordPress()
                            .importFile(file, null, false, WordPressImport.Progress.NONE));
            assertThat(refused.line()).isEqualTo(4);
            assertThat(refused.column()).isEqualTo(11);
            assertThat(refused.getMessage()).startsWith("line 4, column 11: The file is not valid UTF-8");
        } finally {
            System.setErr(oldErr);
            site.deleteData();
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("[Fatal Error]");
    }
}
