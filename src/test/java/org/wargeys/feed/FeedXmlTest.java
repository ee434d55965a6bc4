package org.wargeys.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a feed reader takes from our feeds, read back by ROME. */
class FeedXmlTest {

    static final String MARKUP = "Read <a href=\"https://evil.example\">this</a> <img src=x onerror=alert(1)> & more";

    @Test
    void a_standfirst_holding_markup_reaches_rss_readers_as_text_never_as_markup() throws Exception {
        SyndEntry entry = read(FeedXml.rss(feed())).getEntries().get(0);
        // The description is HTML for RSS readers: what the author typed must arrive escaped, so that
        // a reader rendering it shows the characters, and no link or image is made of them.
        assertThat(entry.getDescription().getValue())
                .isEqualTo(
                        "Read &lt;a href=&quot;https://evil.example&quot;&gt;this&lt;/a&gt; &lt;img src=x onerror=alert(1)&gt; &amp; more");
    }

    @Test
    void atom_carries_the_same_standfirst_as_plain_text() throws Exception {
        SyndEntry entry = read(FeedXml.atom(feed())).getEntries().get(0);
        // No type attribute: Atom's default, text (RFC 4287).
        assertThat(entry.getDescription().getType()).isIn(null, "text");
        assertThat(entry.getDescription().getValue()).isEqualTo(MARKUP);
    }

    private static Feed feed() {
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        return new Feed(
                "Warsoor",
                "The latest news.",
                "en",
                "https://news.example.org/en/",
                "https://news.example.org/en/rss.xml",
                "Warsoor",
                at,
                List.of(new Feed.Entry(
                        "A headline",
                        "https://news.example.org/en/2026/11/a-headline",
                        at,
                        at,
                        MARKUP,
                        null,
                        List.of("Warsoor Staff"),
                        List.of("World"))));
    }

    private static com.rometools.rome.feed.synd.SyndFeed read(String xml) throws Exception {
        SyndFeedInput input = new SyndFeedInput();
        input.setXmlHealerOn(false);
        return input.build(new XmlReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    }
}
