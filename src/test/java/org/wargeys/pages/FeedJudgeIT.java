package org.wargeys.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wargeys.article.Slug;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;

/**
 * The feed judge: every feed a page advertises, in every language (Arabic has nothing published on the
 * demo site, so its feeds are empty), read by ROME with its XML healer off (a feed reader that forgives
 * nothing), and held to what the W3C feed validator checks: plausible dates, a self link that is the
 * feed's own address, and a unique id (GUID) for every entry. One SQLite demo site: feeds are written
 * from the same records on both databases (FeedsIT reads them on each).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedJudgeIT {

    /** Feeds dated before the web had feeds, or after the site's clock, are implausible. */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    TestSite site;

    @BeforeAll
    void start() {
        site = TestSite.start(DatabaseKind.SQLITE);
    }

    @AfterAll
    void stop() {
        if (site != null) site.deleteData();
    }

    /** The pages whose feeds readers discover: home pages, a section and a tag, in each language. */
    static Stream<String> pages() {
        return Stream.of(
                "/en/",
                "/so/",
                "/ar/",
                "/en/section/world",
                "/so/section/adduunka",
                "/ar/section/" + Slug.of("العالم", 8),
                "/en/tag/iran",
                "/so/tag/iiraan");
    }

    @ParameterizedTest(name = "feeds of {0}")
    @MethodSource("pages")
    void every_advertised_feed_is_read_strictly_with_plausible_dates_self_links_and_guids(String page)
            throws Exception {
        HttpResponse<String> html = site.get(page);
        assertThat(html.statusCode()).as(page).isEqualTo(200);
        Set<String> feeds = new LinkedHashSet<>();
        Jsoup.parse(html.body())
                .select("link[rel=alternate][type=application/rss+xml], link[rel=alternate][type=application/atom+xml]")
                .forEach(l -> feeds.add(l.attr("href")));
        assertThat(feeds).as(page + " advertises an RSS and an Atom feed").hasSizeGreaterThanOrEqualTo(2);
        for (String feed : feeds) judge(feed);
    }

    @Test
    void an_empty_languages_feed_is_dated_by_the_sites_last_change_not_1970() throws Exception {
        SyndFeed rss = judge("/ar/rss.xml");
        SyndFeed atom = judge("/ar/atom.xml");
        assertThat(rss.getEntries()).isEmpty();
        assertThat(atom.getEntries()).isEmpty();
        // The newest publication on the demo site, in Somali.
        Date newest = Date.from(Instant.parse("2020-12-23T09:30:00Z"));
        assertThat(atom.getPublishedDate()).isEqualTo(newest);
        assertThat(site.get("/ar/rss.xml").body()).contains("<lastBuildDate>Wed, 23 Dec 2020 09:30:00 GMT");
    }

    @Test
    void the_judge_rejects_what_a_strict_reader_would() {
        String undated = site.get("/ar/atom.xml")
                .body()
                .replaceAll("<updated>[^<]*</updated>", "<updated>1970-01-01T00:00:00Z</updated>");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> check("/ar/atom.xml", undated))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("implausible");
        String broken = site.get("/en/rss.xml").body().replace("</channel>", "<bad>&nbsp;</bad></channel>");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> check("/en/rss.xml", broken))
                .isInstanceOf(com.rometools.rome.io.ParsingFeedException.class);
    }

    private SyndFeed judge(String path) throws Exception {
        HttpResponse<String> response = site.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return check(path, response.body());
    }

    /** Reads a feed as a strict reader does and applies the validator's checks; returns it. */
    private SyndFeed check(String path, String xml) throws Exception {
        SyndFeedInput input = new SyndFeedInput();
        input.setXmlHealerOn(false);
        SyndFeed feed = input.build(new StringReader(xml));
        String self = site.baseUrl() + path;
        List<String> selfLinks = new ArrayList<>();
        for (SyndLink link : feed.getLinks()) if ("self".equals(link.getRel())) selfLinks.add(link.getHref());
        // ROME maps RSS's atom:link rel=self to the foreign markup; read it from the text as well.
        if (feed.getFeedType().startsWith("rss")) {
            Jsoup.parse(xml, "", org.jsoup.parser.Parser.xmlParser())
                    .getElementsByTag("atom:link")
                    .forEach(l -> {
                        if (l.attr("rel").equals("self")) selfLinks.add(l.attr("href"));
                    });
        }
        // An IRI and its percent-encoded URI are the same address (Arabic slugs).
        assertThat(selfLinks)
                .as(path + ": self link")
                .map(l -> java.net.URLDecoder.decode(l, java.nio.charset.StandardCharsets.UTF_8))
                .containsExactly(java.net.URLDecoder.decode(self, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(feed.getLanguage()).as(path + ": language").isEqualTo(path.substring(1, 3));
        Date updated = feed.getPublishedDate();
        assertThat(updated).as(path + ": the feed's date").isNotNull();
        plausible(path + ": the feed's date", updated);
        Set<String> ids = new HashSet<>();
        for (SyndEntry entry : feed.getEntries()) {
            String id = entry.getUri();
            assertThat(id).as(path + ": an entry's GUID").isNotBlank().startsWith(site.baseUrl() + "/");
            assertThat(ids.add(id)).as(path + ": GUID " + id + " is unique").isTrue();
            assertThat(entry.getLink()).as(path + ": " + id).isEqualTo(id);
            plausible(path + ": " + id + " published", entry.getPublishedDate());
            if (entry.getUpdatedDate() != null) plausible(path + ": " + id + " updated", entry.getUpdatedDate());
            assertThat(entry.getTitle()).as(path + ": " + id).isNotBlank();
        }
        return feed;
    }

    private static void plausible(String what, Date date) {
        Instant at = date.toInstant();
        if (at.isBefore(EARLIEST) || at.isAfter(TestSite.NOW.plus(Duration.ofDays(1))))
            throw new AssertionError(what + " is implausible: " + at);
    }
}
