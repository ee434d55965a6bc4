package org.wargeys.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.HtmlChecker;
import org.wargeys.testsupport.TestSite;

/** Imports WordPress exports into a real site and reads the result over HTTP, on each database (see the subclasses). */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseKind.class)
class WordPressImportIT {

    static final String THEME_TEST_DATA = "themeunittestdata.wordpress.xml";

    @Parameter
    DatabaseKind database;

    DatabaseKind database() {
        return database;
    }

    @TempDir
    Path temp;

    private TestSite site;

    // A site of each test's own, started without the demo content: every test imports into an empty
    // site and counts what arrived (articles, revisions, sections, media, redirects).
    private TestSite site() {
        if (site == null) site = TestSite.start(database(), false);
        return site;
    }

    @AfterEach
    void stop() {
        if (site != null) {
            site.deleteData();
            site = null;
        }
    }

    static Path fixture(String name) {
        try {
            return Path.of(
                    WordPressImportIT.class.getResource("/importer/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private ImportReport importFile(Path file) {
        return site().wiring().importer().wordPress().importFile(file, null, false, WordPressImport.Progress.NONE);
    }

    private Jdbi jdbi() {
        return site().wiring().platform().database().jdbi();
    }

    private int count(String sql) {
        return jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private List<Long> importedIds(String status) {
        return jdbi().withHandle(h -> h.createQuery(
                        "SELECT i.source_id FROM imported_items i JOIN articles a ON a.id = i.article_id WHERE a.status = :s ORDER BY i.source_id")
                .bind("s", status)
                .mapTo(Long.class)
                .list());
    }

    /** Follows an old /?p=ID address to the article and returns the article page. */
    private Document viaOldAddress(long postId) {
        HttpResponse<String> moved = site().get("/?p=" + postId);
        assertThat(moved.statusCode()).as("/?p=%d", postId).isEqualTo(301);
        String location = moved.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> page = site().get(location);
        assertThat(page.statusCode()).as("GET %s (post %d)", location, postId).isEqualTo(200);
        return Jsoup.parse(page.body());
    }

    @Test
    void the_whole_theme_unit_test_export_imports_and_every_published_post_and_page_renders() {
        ImportReport report = importFile(fixture(THEME_TEST_DATA));

        assertThat(report.imported()).isGreaterThan(60);
        List<String> reasons =
                report.skipped().stream().map(ImportReport.Skip::reason).toList();
        assertThat(reasons)
                .isNotEmpty()
                .doesNotContain("")
                .anySatisfy(r -> assertThat(r).contains("nav_menu_item"));
        int articles = count("SELECT COUNT(*) FROM articles");
        assertThat(articles).isEqualTo(report.imported());
        List<Long> published = importedIds("published");
        assertThat(published).hasSizeGreaterThan(50);
        List<String> invalid = new ArrayList<>();
        for (long id : published) {
            Document page = viaOldAddress(id);
            assertThat(page.select("h1")).as("post %d", id).isNotEmpty();
            List<String> errors = HtmlChecker.errors(page.outerHtml());
            if (!errors.isEmpty()) invalid.add(id + ": " + errors);
        }
        assertThat(invalid).isEmpty();
        // Indexed in one batch when the import returns: every published post is searchable.
        assertThat(site().wiring().search().index().size()).isEqualTo(published.size());
        assertThat(site().wiring()
                        .search()
                        .index()
                        .search(new org.wargeys.search.SearchQuery("en", "sticky", null, null, null, 1, 10))
                        .hits())
                .isNotEmpty();
        String gallery = jdbi().withHandle(
                        h -> h.createQuery("SELECT body_html FROM articles WHERE slug = 'post-format-gallery'")
                                .mapTo(String.class)
                                .one());
        assertThat(gallery)
                .as("[gallery] resolved to the post's attached images")
                .contains("<img src=\"https://wpthemetestdata.files.wordpress.com/");
        assertThat(gallery).doesNotContain("[gallery");
    }

    @Test
    void the_sticky_post_is_pinned_to_the_top_of_the_home_page_and_the_rest_follow_newest_first() {
        importFile(fixture(THEME_TEST_DATA));
        assertThat(count("SELECT COUNT(*) FROM articles WHERE pinned = 1")).isEqualTo(1);
        Document home = site().html("/en/");
        List<String> headlines = home.select(".teaser h2").eachText();
        assertThat(headlines.get(0)).isEqualTo("Template: Sticky");
        List<String> dates = home.select(".teaser time").eachAttr("datetime");
        assertThat(dates.get(0))
                .as("the sticky post is from 2012, far from the newest")
                .startsWith("2012-01-07");
        List<String> rest = dates.subList(1, dates.size());
        assertThat(rest).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(rest.get(0)).isGreaterThan(dates.get(0));
        assertThat(headlines.subList(1, headlines.size())).doesNotContain("Template: Sticky");
    }

    @Test
    void drafts_scheduled_and_password_protected_posts_are_not_shown_to_readers() {
        ImportReport report = importFile(fixture(THEME_TEST_DATA));
        assertThat(report.notes())
                .extracting(ImportReport.Note::note)
                .contains("It was protected by a password, so it was imported as a draft.");
        List<Long> hidden = new ArrayList<>(importedIds("draft"));
        hidden.addAll(importedIds("scheduled"));
        assertThat(hidden).isNotEmpty();
        for (long id : hidden) {
            assertThat(site().get("/?p=" + id).statusCode()).as("post %d", id).isNotEqualTo(301);
        }
    }

    @Test
    void importing_the_same_file_again_changes_nothing() {
        ImportReport first = importFile(fixture(THEME_TEST_DATA));
        int revisions = count("SELECT COUNT(*) FROM article_revisions");
        ImportReport second = importFile(fixture(THEME_TEST_DATA));
        assertThat(second.imported()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(second.unchanged()).isEqualTo(first.imported());
        assertThat(count("SELECT COUNT(*) FROM article_revisions")).isEqualTo(revisions);
        assertThat(count("SELECT COUNT(*) FROM articles")).isEqualTo(first.imported());
    }

    @Test
    void a_later_export_with_an_edit_updates_only_what_changed() throws IOException {
        importFile(fixture("polylang.xml"));
        String edited = Files.readString(fixture("polylang.xml"), StandardCharsets.UTF_8)
                .replace("Rains fail for a third season", "Rains fail for a third season in a row");
        Path later = Files.writeString(temp.resolve("later.xml"), edited);
        ImportReport report = importFile(later);
        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.unchanged()).isEqualTo(2);
        assertThat(viaOldAddress(100).select("h1").text()).isEqualTo("Rains fail for a third season in a row");
        assertThat(count("SELECT COUNT(*) FROM articles")).isEqualTo(3);
    }

    @Test
    void a_truncated_file_fails_with_its_line_and_leaves_the_database_as_it_was() throws IOException {
        importFile(fixture("polylang.xml"));
        int before = count("SELECT COUNT(*) FROM articles");
        String whole = Files.readString(fixture(THEME_TEST_DATA), StandardCharsets.UTF_8);
        Path cut = Files.writeString(temp.resolve("cut.xml"), whole.substring(0, whole.length() * 2 / 3));
        assertThatThrownBy(() -> importFile(cut))
                .isInstanceOf(ImportException.class)
                .satisfies(e -> assertThat(((ImportException) e).line()).isPositive());
        assertThat(count("SELECT COUNT(*) FROM articles")).isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM imported_items")).isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM sections")).isEqualTo(1);
    }

    @Test
    void a_dry_run_reports_and_writes_nothing() {
        ImportReport report = site().wiring()
                .importer()
                .wordPress()
                .importFile(fixture("polylang.xml"), null, true, WordPressImport.Progress.NONE);
        assertThat(report.dryRun()).isTrue();
        assertThat(report.imported()).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM articles")).isZero();
        assertThat(count("SELECT COUNT(*) FROM redirects")).isZero();
    }

    @Test
    void polylang_translations_become_one_translation_group_with_translated_sections() {
        ImportReport report = importFile(fixture("polylang.xml"));
        assertThat(report.imported()).isEqualTo(3);
        assertThat(count("SELECT COUNT(DISTINCT translation_group_id) FROM articles"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM sections")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM section_names")).isEqualTo(3);

        Document en = viaOldAddress(100);
        assertThat(en.select("html").attr("lang")).isEqualTo("en");
        assertThat(en.select("link[rel=alternate][hreflang]"))
                .extracting(e -> e.attr("hreflang"))
                .contains("en", "so", "ar");
        assertThat(en.text()).contains("World", "Drought", "Amina Warsame", "A third failed season");
        assertThat(en.html()).doesNotContain("wp:paragraph");
        Document ar = viaOldAddress(102);
        assertThat(ar.select("html").attr("dir")).isEqualTo("rtl");
        assertThat(ar.text()).contains("العالم");
    }

    @Test
    void wpml_translation_groups_join_posts_and_pages_across_three_languages() {
        ImportReport report = importFile(fixture("wpml.xml"));
        assertThat(report.imported()).isEqualTo(6);
        assertThat(count("SELECT COUNT(DISTINCT translation_group_id) FROM articles"))
                .isEqualTo(2);
        List<String> states = jdbi().withHandle(
                        h -> h.createQuery("SELECT language || ':' || status FROM articles ORDER BY id")
                                .mapTo(String.class)
                                .list());
        assertThat(states)
                .containsExactly(
                        "en:published", "so:published", "ar:draft", "en:published", "so:published", "ar:in_review");
        Document en = viaOldAddress(200);
        assertThat(en.select("link[rel=alternate][hreflang]"))
                .extracting(e -> e.attr("hreflang"))
                .containsExactlyInAnyOrder("en", "so", "x-default");
        assertThat(en.text()).contains("The port of Berbera reopened on Monday.", "Ships queued offshore.");
        assertThat(count("SELECT COUNT(*) FROM articles WHERE standfirst = 'The port of Berbera reopened on Monday.'"))
                .isEqualTo(1);
        // WPML category translations (term meta) become one section named in each language.
        assertThat(count("SELECT COUNT(*) FROM sections")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM section_names")).isEqualTo(3);
        assertThat(viaOldAddress(201).text()).contains("Ganacsi");
    }

    @Test
    void old_wordpress_addresses_answer_301_with_the_new_one() {
        importFile(fixture("polylang.xml"));
        importFile(fixture("wpml.xml"));
        String rains = site().get("/?p=100").headers().firstValue("Location").orElseThrow();
        assertThat(rains).isEqualTo("/en/2024/03/rains-fail-third-season");
        for (String old : List.of(
                "/2024/03/12/rains-fail-third-season/",
                "/2024/03/rains-fail-third-season/",
                "/rains-fail-third-season/",
                "/rains-fail-third-season",
                "/en/2024/03/12/rains-fail-third-season/")) {
            HttpResponse<String> response = site().get(old);
            assertThat(response.statusCode()).as(old).isEqualTo(301);
            assertThat(response.headers().firstValue("Location")).as(old).contains(rains);
        }
        assertThat(site().get("/so/2024/03/12/roobab-guuldareystay/").headers().firstValue("Location"))
                .contains("/so/2024/03/roobab-guuldareystay");
        assertThat(site().get("/ar/2024/03/12/%d9%81%d8%b4%d9%84-%d8%a7%d9%84%d8%a3%d9%85%d8%b7%d8%a7%d8%b1/")
                        .statusCode())
                .isEqualTo(301);
        assertThat(site().get("/so/nagu-saabsan/").headers().firstValue("Location"))
                .contains("/so/2023/01/nagu-saabsan");
        assertThat(site().get("/?page_id=300").headers().firstValue("Location")).contains("/en/2023/01/about");
        // Category and tag archives lead to the new section and tag archives, in the old address's language.
        assertThat(site().get("/category/world/").headers().firstValue("Location"))
                .hasValue("/en/section/world");
        assertThat(site().get("/so/category/world/").headers().firstValue("Location"))
                .hasValue("/so/section/caalamka");
        assertThat(site().get("/category/caalamka/").headers().firstValue("Location"))
                .hasValue("/so/section/caalamka");
        assertThat(site().get("/tag/drought/").statusCode()).isEqualTo(301);
        assertThat(site().get("/tag/drought/").headers().firstValue("Location")).hasValue("/en/tag/drought");
        assertThat(site().get(site().get("/category/world/")
                                .headers()
                                .firstValue("Location")
                                .orElseThrow())
                        .statusCode())
                .isEqualTo(200);
        assertThat(site().get("/?p=202").statusCode())
                .as("a draft has no public address")
                .isEqualTo(302);
        assertThat(site().get("/no-such-post/").statusCode()).isEqualTo(404);
        assertThat(site().get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void social_snap_share_counts_are_kept_for_the_sharing_feature() {
        importFile(fixture("polylang.xml"));
        Map<String, Long> counts = jdbi().withHandle(
                        h -> h.createQuery("SELECT network, count FROM imported_share_counts")
                                .setMapKeyColumn("network")
                                .setMapValueColumn("count")
                                .collectInto(new org.jdbi.v3.core.generic.GenericType<Map<String, Long>>() {}));
        assertThat(counts).containsOnly(Map.entry("facebook", 120L), Map.entry("twitter", 34L));
        assertThat(count("SELECT COUNT(*) FROM imported_items WHERE sticky = 1"))
                .isEqualTo(1);

        // The social proof survives the move: the sharing feature's totals include the carried-over counts.
        long articleId = jdbi().withHandle(h -> h.createQuery("SELECT article_id FROM imported_share_counts LIMIT 1")
                .mapTo(Long.class)
                .one());
        var totals = site().get("/api/v1/articles/" + articleId + "/shares");
        assertThat(totals.statusCode()).isEqualTo(200);
        assertThat(totals.body()).contains("\"facebook\":120").contains("\"twitter\":34");
    }

    @Test
    void media_are_copied_from_the_uploads_folder_and_body_addresses_rewritten() throws IOException {
        Path uploads = Files.createDirectories(temp.resolve("uploads/2024/03"));
        Files.write(
                uploads.resolve("harbour.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0});
        String xml = Files.readString(fixture("polylang.xml"), StandardCharsets.UTF_8)
                .replace(
                        "<p>Aid agencies warn of hunger.</p>",
                        "<p>Aid agencies warn of hunger.</p><p><img src=\"https://warsoor.example/wp-content/uploads/2024/03/harbour.png\" alt=\"Harbour\"><img src=\"https://warsoor.example/wp-content/uploads/2024/03/missing.jpg\" alt=\"\"></p>");
        Path file = Files.writeString(temp.resolve("with-media.xml"), xml);
        ImportReport report = site().wiring()
                .importer()
                .wordPress()
                .importFile(file, temp.resolve("uploads"), false, WordPressImport.Progress.NONE);
        assertThat(report.mediaCopied()).isEqualTo(1);
        assertThat(report.externalMedia())
                .containsExactly("https://warsoor.example/wp-content/uploads/2024/03/missing.jpg");
        Document en = viaOldAddress(100);
        assertThat(en.select("img[alt=Harbour]").attr("src")).isEqualTo("/media/wordpress/2024/03/harbour.png");
        HttpResponse<String> image = site().get("/media/wordpress/2024/03/harbour.png");
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(site().get("/media/wordpress/..%2F..%2Fwargeys.db").statusCode())
                .isIn(400, 404);
        assertThat(site().raw("/media/wordpress/../../wargeys.db").status()).isIn(400, 404);
    }
    /** A real JPEG of the given size (the library decodes and re-encodes what it takes). */
    static byte[] jpeg(int width, int height) throws IOException {
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(30, 90, 160));
        g.fillRect(0, 0, width, height / 2);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    private ImportReport importFile(Path file, Path uploads) {
        return site().wiring().importer().wordPress().importFile(file, uploads, false, WordPressImport.Progress.NONE);
    }

    private long articleOf(long postId) {
        return jdbi().withHandle(h -> h.createQuery("SELECT article_id FROM imported_items WHERE source_id = :id")
                .bind("id", postId)
                .mapTo(Long.class)
                .one());
    }

    private java.util.Optional<Long> featuredOf(long postId) {
        return jdbi().withHandle(h -> h.createQuery("SELECT media_id FROM article_images WHERE article_id = :a")
                .bind("a", articleOf(postId))
                .mapTo(Long.class)
                .findOne());
    }

    @Test
    void theme_unit_test_thumbnails_become_featured_images_once_the_uploads_folder_is_given() throws IOException {
        String horizontal = "https://wpthemetestdata.files.wordpress.com/2013/03/featured-image-horizontal.jpg";
        ImportReport without = importFile(fixture(THEME_TEST_DATA));
        assertThat(without.featuredImagesSet()).isZero();
        assertThat(without.featuredImagesSkipped())
                .as("each skipped with its old address and why")
                .anySatisfy(i -> {
                    assertThat(i.sourceId()).isEqualTo(1011);
                    assertThat(i.url()).isEqualTo(horizontal);
                    assertThat(i.reason()).contains("--media-dir");
                })
                .allSatisfy(i -> assertThat(i.url()).startsWith("https://wpthemetestdata.files.wordpress.com/"));
        assertThat(count("SELECT COUNT(*) FROM article_images")).isZero();
        assertThat(viaOldAddress(1011).select("meta[property=og:image]").attr("content"))
                .contains("/share-cards/");

        Path uploads = Files.createDirectories(temp.resolve("uploads/2013/03"));
        Files.write(uploads.resolve("featured-image-horizontal.jpg"), jpeg(1800, 900));
        Files.write(uploads.resolve("featured-image-vertical.jpg"), jpeg(600, 1200));
        ImportReport with = importFile(fixture(THEME_TEST_DATA), temp.resolve("uploads"));
        assertThat(with.featuredImagesSet()).isEqualTo(2);
        assertThat(with.featuredImagesSkipped())
                .extracting(ImportReport.SkippedImage::sourceId)
                .doesNotContain(1011L, 1016L)
                .isNotEmpty();
        assertThat(with.featuredImagesSkipped())
                .allSatisfy(i -> assertThat(i.reason()).contains("not found in the uploads folder"));

        Document page = viaOldAddress(1011);
        var figure = page.selectFirst("figure.featured-image img");
        assertThat(figure).as("the featured image is the article's figure").isNotNull();
        assertThat(figure.attr("alt")).isEqualTo("Horizontal Featured Image");
        assertThat(figure.attr("src")).matches("/media/\\d+-1600\\.jpg");
        String ogImage = page.select("meta[property=og:image]").attr("content");
        assertThat(ogImage).isEqualTo(site().baseUrl() + figure.attr("src"));
        HttpResponse<String> image = site().get(figure.attr("src"));
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(viaOldAddress(1016).selectFirst("figure.featured-image img")).isNotNull();
        assertThat(featuredOf(1011)).isNotEqualTo(featuredOf(1016));

        int revisions = count("SELECT COUNT(*) FROM article_revisions");
        ImportReport again = importFile(fixture(THEME_TEST_DATA), temp.resolve("uploads"));
        assertThat(again.imported()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.featuredImagesSet())
                .as("importing the same file again changes nothing")
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM media")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM article_images")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM article_revisions")).isEqualTo(revisions);
    }

    /** polylang.xml with two image attachments (English and Somali), each post of the group naming its own thumbnail. */
    private static String withThumbnails(String enThumbnail, String soThumbnail) throws IOException {
        String xml = Files.readString(fixture("polylang.xml"), StandardCharsets.UTF_8);
        String attachments = attachment(500, "riverbed.jpg", "en", "A dry riverbed", "The Shabelle near Jowhar.")
                + attachment(501, "webi.jpg", "so", "Webi engegan", "");
        xml = xml.replace("</channel>", attachments + "</channel>");
        if (enThumbnail != null) {
            xml = xml.replace(
                    "<wp:post_name><![CDATA[rains-fail-third-season]]></wp:post_name>",
                    "<wp:post_name><![CDATA[rains-fail-third-season]]></wp:post_name>" + thumbnail(enThumbnail));
        }
        return xml.replace(
                "<wp:post_name><![CDATA[roobab-guuldareystay]]></wp:post_name>",
                "<wp:post_name><![CDATA[roobab-guuldareystay]]></wp:post_name>" + thumbnail(soThumbnail));
    }

    private static String thumbnail(String id) {
        return "<wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[" + id
                + "]]></wp:meta_value></wp:postmeta>";
    }

    private static String attachment(long id, String file, String language, String alt, String caption) {
        String url = "https://warsoor.example/wp-content/uploads/2024/03/" + file;
        return "<item><title><![CDATA[" + file + "]]></title><guid isPermaLink=\"false\">" + url + "</guid>"
                + "<excerpt:encoded><![CDATA[" + caption + "]]></excerpt:encoded>"
                + "<wp:post_id>" + id + "</wp:post_id><wp:status>inherit</wp:status><wp:post_parent>0</wp:post_parent>"
                + "<wp:post_type>attachment</wp:post_type><wp:attachment_url>" + url + "</wp:attachment_url>"
                + "<category domain=\"language\" nicename=\"" + language + "\"><![CDATA[" + language + "]]></category>"
                + "<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value><![CDATA[" + alt
                + "]]></wp:meta_value></wp:postmeta>"
                + "</item>\n";
    }

    @Test
    void each_translation_gets_its_own_thumbnail_and_a_later_export_changes_or_removes_it() throws IOException {
        Path uploads = Files.createDirectories(temp.resolve("uploads/2024/03"));
        Files.write(uploads.resolve("riverbed.jpg"), jpeg(1200, 800));
        Files.write(uploads.resolve("webi.jpg"), jpeg(800, 1200));
        Path first = Files.writeString(temp.resolve("first.xml"), withThumbnails("500", "501"));

        ImportReport dry = site().wiring()
                .importer()
                .wordPress()
                .importFile(first, temp.resolve("uploads"), true, WordPressImport.Progress.NONE);
        assertThat(dry.featuredImagesSet()).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM media")).isZero();
        Path renditions = site().dataDir().resolve("media");
        if (Files.isDirectory(renditions)) {
            try (var files = Files.list(renditions)) {
                assertThat(files.filter(Files::isRegularFile))
                        .as("a dry run leaves no renditions behind")
                        .isEmpty();
            }
        }

        assertThat(importFile(first, temp.resolve("uploads")).featuredImagesSet())
                .isEqualTo(2);
        Document en = viaOldAddress(100);
        assertThat(en.select("figure.featured-image img").attr("alt")).isEqualTo("A dry riverbed");
        assertThat(en.select("figure.featured-image figcaption").text()).contains("The Shabelle near Jowhar.");
        Document so = viaOldAddress(101);
        assertThat(so.select("figure.featured-image img").attr("alt")).isEqualTo("Webi engegan");
        assertThat(featuredOf(100)).isPresent().isNotEqualTo(featuredOf(101));
        assertThat(featuredOf(102)).as("the Arabic post has no thumbnail").isEmpty();
        String enPath = site().get("/?p=100").headers().firstValue("Location").orElseThrow();
        assertThat(site().get(enPath).headers().firstValue("X-Cache")).hasValue("HIT");

        // A later export gives the English post the Somali post's thumbnail: the article follows, and its
        // cached page is purged.
        Path later = Files.writeString(temp.resolve("later.xml"), withThumbnails("501", "501"));
        ImportReport changed = importFile(later, temp.resolve("uploads"));
        assertThat(changed.updated()).isEqualTo(1);
        assertThat(changed.featuredImagesSet()).isEqualTo(1);
        assertThat(featuredOf(100)).isEqualTo(featuredOf(101));
        assertThat(count("SELECT COUNT(*) FROM media"))
                .as("one library image per attachment")
                .isEqualTo(2);
        assertThat(Jsoup.parse(site().get(enPath).body())
                        .select("figure.featured-image img")
                        .attr("alt"))
                .isEqualTo("Webi engegan");

        // Without the uploads folder, the images already in the library stay.
        assertThat(importFile(later).featuredImagesSkipped()).isEmpty();
        assertThat(featuredOf(100)).isEqualTo(featuredOf(101));

        // WordPress no longer names a thumbnail for the English post: its featured image goes.
        Path none = Files.writeString(temp.resolve("none.xml"), withThumbnails(null, "501"));
        importFile(none, temp.resolve("uploads"));
        assertThat(featuredOf(100)).isEmpty();
        assertThat(featuredOf(101)).isPresent();
    }

    @Test
    void a_featured_image_chosen_in_the_newsroom_is_kept_until_wordpress_names_another() throws IOException {
        Path uploads = Files.createDirectories(temp.resolve("uploads/2024/03"));
        Files.write(uploads.resolve("riverbed.jpg"), jpeg(1200, 800));
        Files.write(uploads.resolve("webi.jpg"), jpeg(800, 1200));
        Path file = Files.writeString(temp.resolve("first.xml"), withThumbnails("500", "501"));
        importFile(file, temp.resolve("uploads"));
        long chosen = site().wiring()
                .media()
                .service()
                .upload(
                        jpeg(640, 480),
                        null,
                        Map.of("en", new org.wargeys.media.Image.Text("Chosen by the layout", null)),
                        Actor.TERMINAL)
                .id();
        site().wiring().articles().service().feature(articleOf(100), chosen, Actor.TERMINAL);

        importFile(file, temp.resolve("uploads"));
        assertThat(featuredOf(100)).hasValue(chosen);
        importFile(Files.writeString(temp.resolve("later.xml"), withThumbnails("501", "501")), temp.resolve("uploads"));
        assertThat(featuredOf(100)).isEqualTo(featuredOf(101));
    }
}
