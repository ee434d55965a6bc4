package org.wargeys.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;

/**
 * What readers of an imported site click leads somewhere (issue 12's review): every byline of every
 * imported article links to an author page that answers 200, in each language.
 */
class ImportedLinksIT {

    @Test
    void every_byline_of_an_imported_article_links_to_a_page_that_exists() {
        TestSite site = TestSite.start(DatabaseKind.SQLITE, false);
        try {
            for (String fixture : List.of("polylang.xml", "wpml.xml", "themeunittestdata.wordpress.xml")) {
                site.wiring()
                        .importer()
                        .wordPress()
                        .importFile(WordPressImportIT.fixture(fixture), null, false, WordPressImport.Progress.NONE);
            }
            List<String> articles = new ArrayList<>();
            for (String language : List.of("en", "so", "ar")) {
                for (var a : site.wiring().articles().service().latestPublished(language, 500, 0)) {
                    articles.add(site.wiring().articles().paths().path(a));
                }
            }
            assertThat(articles).hasSizeGreaterThan(10);
            List<String> broken = new ArrayList<>();
            int bylines = 0;
            for (String path : articles) {
                var response = site.get(path);
                if (response.statusCode() != 200) continue;
                Document page = Jsoup.parse(response.body());
                for (var link : page.select("a[rel=author]")) {
                    bylines++;
                    int status = site.get(link.attr("href")).statusCode();
                    if (status != 200) broken.add(path + " → " + link.attr("href") + " (" + status + ")");
                }
            }
            assertThat(bylines).as("imported bylines").isGreaterThan(5);
            assertThat(broken).isEmpty();
        } finally {
            site.deleteData();
        }
    }
}
