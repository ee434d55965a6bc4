package org.wargeys.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/**
 * Reads a site's sitemaps as a strict crawler does: from robots.txt to the index to each sitemap, each
 * file validated against the sitemaps.org schemas (with the news and hreflang extensions) and parsed by
 * crawler-commons in strict mode (the parser of Apache Nutch and StormCrawler), which drops every URL
 * that is not at or below its sitemap's folder. Fails the test when a file is invalid or a URL is
 * dropped; returns every page URL listed.
 */
public final class SitemapJudge {

    private static Schema urlsets;
    private static Schema indexes;

    private SitemapJudge() {}

    /** Every page URL the site's sitemaps list, after checking every file; empty when robots.txt names none. */
    public static List<String> crawl(TestSite site) throws Exception {
        String robots = site.get("/robots.txt").body();
        List<String> named = robots.lines()
                .filter(l -> l.startsWith("Sitemap: "))
                .map(l -> l.substring("Sitemap: ".length()).strip())
                .toList();
        List<String> pages = new ArrayList<>();
        for (String index : named) {
            AbstractSiteMap parsed = judge(site, index, indexes());
            assertThat(parsed).as(index).isInstanceOf(SiteMapIndex.class);
            for (AbstractSiteMap child : ((SiteMapIndex) parsed).getSitemaps()) {
                AbstractSiteMap sitemap = judge(site, child.getUrl().toString(), urlsets());
                assertThat(sitemap).as(child.getUrl().toString()).isInstanceOf(SiteMap.class);
                ((SiteMap) sitemap)
                        .getSiteMapUrls()
                        .forEach(u -> pages.add(u.getUrl().toString()));
            }
        }
        return pages;
    }

    /** Fetches one sitemap file, validates it against the schema and parses it strictly, keeping every URL. */
    public static AbstractSiteMap judge(TestSite site, String url, Schema schema) throws Exception {
        assertThat(url).as("a sitemap URL on this site").startsWith(site.baseUrl());
        HttpResponse<String> response = site.get(url.substring(site.baseUrl().length()));
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        String xml = response.body();
        try {
            schema.newValidator().validate(new StreamSource(new StringReader(xml)));
        } catch (org.xml.sax.SAXException e) {
            throw new AssertionError(url + " fails the sitemaps.org schema: " + e.getMessage() + "\n" + xml, e);
        }
        SiteMapParser parser = new SiteMapParser(true, false);
        parser.setStrictNamespace(true);
        parser.enableExtensions();
        AbstractSiteMap parsed =
                parser.parseSiteMap("application/xml", xml.getBytes(StandardCharsets.UTF_8), new URL(url));
        int listed = Jsoup.parse(xml, "", Parser.xmlParser())
                .select(parsed.isIndex() ? "sitemap > loc" : "url > loc")
                .size();
        int kept = parsed.isIndex()
                ? ((SiteMapIndex) parsed).getSitemaps().size()
                : ((SiteMap) parsed).getSiteMapUrls().size();
        assertThat(kept)
                .as(url + ": URLs crawler-commons keeps in strict mode, of those listed")
                .isEqualTo(listed);
        return parsed;
    }

    /** The sitemaps.org urlset schema with the Google News and xhtml:link extensions. */
    public static synchronized Schema urlsets() throws Exception {
        if (urlsets == null) {
            urlsets = factory()
                    .newSchema(new Source[] {xsd("sitemap.xsd"), xsd("sitemap-news.xsd"), xsd("xhtml-link.xsd")});
        }
        return urlsets;
    }

    public static synchronized Schema indexes() throws Exception {
        if (indexes == null) indexes = factory().newSchema(xsd("siteindex.xsd"));
        return indexes;
    }

    private static SchemaFactory factory() {
        return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    }

    private static Source xsd(String name) {
        return new StreamSource(SitemapJudge.class.getResource("/xsd/" + name).toExternalForm());
    }
}
