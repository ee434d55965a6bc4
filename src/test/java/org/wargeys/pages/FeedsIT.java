package org.wargeys.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.wargeys.article.ArticleDraft;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.DatabaseKind;

/** RSS and Atom feeds read back with ROME, on each database. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedsIT extends SharedDemoSite {

    @Test
    void rss_of_a_language_has_its_language_absolute_links_and_rfc822_dates() throws Exception {
        HttpResponse<String> response = site.get("/so/rss.xml");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/rss+xml");
        assertThat(response.body()).contains("<pubDate>Wed, 23 Dec 2020 09:30:00 GMT</pubDate>");
        SyndFeed feed = read(response.body());
        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getLanguage()).isEqualTo("so");
        assertThat(feed.getTitle()).isEqualTo("Warsoor");
        assertThat(feed.getDescription()).isEqualTo("Wararkii ugu dambeeyay ee Warsoor.");
        assertThat(feed.getLink()).isEqualTo(site.baseUrl() + "/so/");
        SyndEntry entry = feed.getEntries().get(0);
        assertThat(entry.getTitle()).startsWith("Iran oo ballan-qaaday");
        assertThat(entry.getLink()).isEqualTo(site.baseUrl() + SO);
        assertThat(entry.getPublishedDate()).isEqualTo(Date.from(Instant.parse("2020-12-23T09:30:00Z")));
        assertThat(entry.getCategories()).extracting(c -> c.getName()).contains("Adduunka", "Iiraan");
    }

    @Test
    void atom_of_a_language_has_its_language_absolute_links_and_rfc3339_dates() throws Exception {
        HttpResponse<String> response = site.get("/en/atom.xml");
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        assertThat(response.body()).contains("<published>2020-12-23T07:00:00Z</published>");
        SyndFeed feed = read(response.body());
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getLanguage()).isEqualTo("en");
        assertThat(feed.getTitle()).isEqualTo("Warsoor");
        assertThat(feed.getLinks()).anySatisfy(link -> {
            assertThat(link.getRel()).isEqualTo("alternate");
            assertThat(link.getHref()).isEqualTo(site.baseUrl() + "/en/");
        });
        assertThat(feed.getLinks()).anySatisfy(link -> {
            assertThat(link.getRel()).isEqualTo("self");
            assertThat(link.getHref()).isEqualTo(site.baseUrl() + "/en/atom.xml");
        });
        SyndEntry entry = feed.getEntries().get(0);
        assertThat(entry.getTitle())
                .isEqualTo("Iran Vows Soleimani Revenge As First Anniversary of Assassination Looms");
        assertThat(entry.getLink()).isEqualTo(site.baseUrl() + EN);
        assertThat(entry.getPublishedDate()).isEqualTo(Date.from(Instant.parse("2020-12-23T07:00:00Z")));
        assertThat(entry.getAuthor()).isEqualTo("Warsoor Staff");
    }

    @Test
    void section_and_tag_feeds_hold_only_their_articles() throws Exception {
        var articles = site.wiring().articles().service();
        articles.defineSection("sport", java.util.Map.of("en", "Sport"), Actor.TERMINAL);
        var draft = articles.createDraft(
                new ArticleDraft(
                        "en",
                        "derby-day",
                        "Derby day in Mogadishu",
                        null,
                        null,
                        null,
                        "A full stadium.",
                        "sport",
                        List.of(),
                        List.of()),
                Actor.TERMINAL);
        articles.publish(draft.id(), Actor.TERMINAL);
        SyndFeed sport = read(site.get("/en/section/sport/rss.xml").body());
        assertThat(sport.getTitle()).isEqualTo("Warsoor — Sport");
        assertThat(sport.getEntries()).extracting(SyndEntry::getTitle).containsExactly("Derby day in Mogadishu");
        SyndFeed world = read(site.get("/en/section/world/atom.xml").body());
        assertThat(world.getEntries()).extracting(SyndEntry::getLink).containsExactly(site.baseUrl() + EN);
        SyndFeed iran = read(site.get("/so/tag/iiraan/rss.xml").body());
        assertThat(iran.getLanguage()).isEqualTo("so");
        assertThat(iran.getTitle()).isEqualTo("Warsoor — Iiraan");
        assertThat(iran.getEntries()).extracting(SyndEntry::getLink).containsExactly(site.baseUrl() + SO);
        assertThat(read(site.get("/en/tag/iran/atom.xml").body()).getEntries()).hasSize(1);
        assertThat(site.get("/en/section/nothing/rss.xml").statusCode()).isEqualTo(404);
        assertThat(site.get("/xx/rss.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void feeds_carry_summaries_or_whole_articles_as_the_site_setting_says() throws Exception {
        try {
            site.wiring().feeds().settings().setFullContent(false, Actor.TERMINAL);
            SyndEntry summary =
                    read(site.get("/en/tag/iran/rss.xml").body()).getEntries().get(0);
            assertThat(summary.getContents()).isEmpty();
            assertThat(summary.getDescription().getValue())
                    .startsWith("Iranian leaders have maintained a drumbeat")
                    .hasSizeLessThan(310);

            site.wiring().feeds().settings().setFullContent(true, Actor.TERMINAL);
            SyndEntry full =
                    read(site.get("/en/tag/iran/rss.xml").body()).getEntries().get(0);
            assertThat(full.getContents().get(0).getValue())
                    .contains("<p>")
                    .contains("“They aren’t going to give up,” the official said");
            SyndEntry atom =
                    read(site.get("/en/tag/iran/atom.xml").body()).getEntries().get(0);
            assertThat(atom.getContents().get(0).getValue())
                    .contains("“They aren’t going to give up,” the official said");
        } finally {
            site.wiring().feeds().settings().setFullContent(false, Actor.TERMINAL);
        }
    }

    @Test
    void every_page_advertises_its_language_feeds() {
        for (String path : new String[] {"/so/", SO, "/so/search?q=x"}) {
            var page = site.html(path);
            assertThat(page.select("link[rel=alternate][type=application/rss+xml]")
                            .first()
                            .attr("href"))
                    .as(path)
                    .isEqualTo("/so/rss.xml");
            assertThat(page.select("link[rel=alternate][type=application/atom+xml]")
                            .first()
                            .attr("href"))
                    .as(path)
                    .isEqualTo("/so/atom.xml");
            assertThat(page.select("link[rel=alternate][type=application/rss+xml]")
                            .first()
                            .attr("title"))
                    .as(path)
                    .isEqualTo("Quudinta RSS: Warsoor");
        }
    }

    private static SyndFeed read(String xml) throws Exception {
        return new SyndFeedInput().build(new StringReader(xml));
    }
}
