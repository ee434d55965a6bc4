package org.wargeys.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WxrReaderTest {

    private static final String HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
                 xmlns:excerpt="http://wordpress.org/export/1.1/excerpt/" xmlns:wp="http://wordpress.org/export/1.1/">
            <channel><title>Site</title><link>https://example.org</link><language>en-GB</language><wp:wxr_version>1.1</wp:wxr_version>
            """;

    private final List<Object> seen = new ArrayList<>();
    private final WxrReader.Listener collect = new WxrReader.Listener() {
        public void channel(WxrChannel c) {
            seen.add(c);
        }

        public void author(WxrAuthor a) {
            seen.add(a);
        }

        public void term(WxrTerm t) {
            seen.add(t);
        }

        public void item(WxrItem i) {
            seen.add(i);
        }
    };

    private void read(String xml) {
        new WxrReader().read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), collect);
    }

    @Test
    void reads_channel_authors_terms_and_items_with_their_meta_in_file_order() {
        read(HEAD + """
                <wp:author><wp:author_login>amina</wp:author_login><wp:author_display_name><![CDATA[Amina W]]></wp:author_display_name></wp:author>
                <wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>news</wp:category_nicename><wp:cat_name><![CDATA[News]]></wp:cat_name>
                  <wp:termmeta><wp:meta_key>_wpml_import_translation_group</wp:meta_key><wp:meta_value>g1</wp:meta_value></wp:termmeta></wp:category>
                <wp:tag><wp:term_id>4</wp:term_id><wp:tag_slug>rain</wp:tag_slug><wp:tag_name>Rain</wp:tag_name></wp:tag>
                <item><title>Hello &amp; welcome</title><dc:creator>amina</dc:creator>
                  <content:encoded><![CDATA[<p>Body</p>]]></content:encoded><excerpt:encoded>Short</excerpt:encoded>
                  <wp:post_id>7</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status><wp:is_sticky>1</wp:is_sticky>
                  <category domain="post_tag" nicename="rain"><![CDATA[Rain]]></category>
                  <wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>9</wp:meta_value></wp:postmeta>
                  <wp:comment><wp:comment_content>Nice</wp:comment_content></wp:comment>
                </item></channel></rss>""");
        assertThat(seen).hasSize(5);
        assertThat(seen.get(0)).isEqualTo(new WxrChannel("Site", "https://example.org", "en-GB", "1.1", "", ""));
        assertThat(seen.get(1)).isEqualTo(new WxrAuthor("amina", "Amina W"));
        assertThat(seen.get(2))
                .isEqualTo(new WxrTerm(
                        3,
                        "category",
                        "news",
                        "News",
                        "",
                        "",
                        java.util.Map.of("_wpml_import_translation_group", "g1")));
        assertThat(seen.get(3)).isEqualTo(new WxrTerm(4, "post_tag", "rain", "Rain", "", ""));
        WxrItem item = (WxrItem) seen.get(4);
        assertThat(item.title()).isEqualTo("Hello & welcome");
        assertThat(item.content()).isEqualTo("<p>Body</p>");
        assertThat(item.excerpt()).isEqualTo("Short");
        assertThat(item.postId()).isEqualTo(7);
        assertThat(item.sticky()).isTrue();
        assertThat(item.terms("post_tag")).containsExactly(new WxrItem.Term("post_tag", "rain", "Rain"));
        assertThat(item.meta()).containsEntry("_thumbnail_id", "9");
    }

    @Test
    void an_entity_expansion_bomb_is_refused_at_its_doctype_with_the_line() {
        String bomb = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [
                  <!ENTITY a "aaaaaaaaaa">
                  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
                  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
                ]>
                <rss><channel><title>&c;</title></channel></rss>""";
        assertThatThrownBy(() -> read(bomb))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("DOCTYPE")
                .satisfies(e -> assertThat(((ImportException) e).line()).isBetween(2, 6));
    }

    @Test
    void an_external_entity_is_never_resolved() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
                <rss><channel><title>&secret;</title></channel></rss>""";
        assertThatThrownBy(() -> read(xxe)).isInstanceOf(ImportException.class).hasMessageContaining("DOCTYPE");
        assertThat(seen).isEmpty();
    }

    @Test
    void an_undeclared_entity_is_an_error_with_its_line() {
        assertThatThrownBy(() -> read(HEAD + "<item>\n<title>&nbsp;</title></item></channel></rss>"))
                .isInstanceOf(ImportException.class)
                .satisfies(e -> assertThat(((ImportException) e).line()).isEqualTo(6));
    }

    @Test
    void a_truncated_file_is_an_error_with_the_line_where_it_ends() throws IOException {
        String whole;
        try (InputStream in = getClass().getResourceAsStream("/importer/polylang.xml")) {
            whole = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String cut = whole.substring(0, whole.indexOf("<wp:post_id>101"));
        int lines = (int) cut.chars().filter(c -> c == '\n').count() + 1;
        assertThatThrownBy(() -> read(cut))
                .isInstanceOf(ImportException.class)
                .satisfies(e -> assertThat(((ImportException) e).line()).isBetween(lines - 1, lines + 1))
                .hasMessageStartingWith("line ");
    }

    @Test
    void bytes_that_are_not_the_declared_encoding_are_an_error_with_the_line() {
        byte[] head = HEAD.getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "<item>\n<title>Caf\u00e9</title></item></channel></rss>".getBytes(StandardCharsets.ISO_8859_1);
        byte[] file = new byte[head.length + latin1.length];
        System.arraycopy(head, 0, file, 0, head.length);
        System.arraycopy(latin1, 0, file, head.length, latin1.length);
        assertThatThrownBy(() -> new WxrReader().read(new ByteArrayInputStream(file), collect))
                .isInstanceOf(ImportException.class)
                .satisfies(e -> assertThat(((ImportException) e).line()).isEqualTo(6));
    }

    @Test
    void a_file_that_is_not_an_export_is_refused() {
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?><html><body>hi</body></html>"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("not a WordPress export");
    }

    @Test
    void the_whole_theme_unit_test_export_is_read() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/importer/themeunittestdata.wordpress.xml")) {
            new WxrReader().read(in, collect);
        }
        long items = seen.stream().filter(o -> o instanceof WxrItem).count();
        assertThat(items).isGreaterThan(180);
    }
}
