import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * Writes a WordPress export (WXR 1.2) of N posts for import benchmarks: Polylang languages (every
 * third post an English original with Somali and Arabic translations), 20 categories, 200 tags,
 * block-editor and classic bodies with a caption, a dropped shortcode and a more mark, Social Snap
 * share counts. Deterministic (fixed seed).
 *
 * Run: java bench/GenerateWxr.java 20000 /tmp/posts.xml
 */
public final class GenerateWxr {

    private static final DateTimeFormatter WP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String[] LANGS = {"en", "so", "ar"};
    private static final String[] WORDS = ("news report market port rain season drought harvest council election minister "
            + "school health road bridge water price trade fishing coast city village farmers traders students doctors").split(" ");

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        Random random = new Random(42);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("""
                    <?xml version="1.0" encoding="UTF-8" ?>
                    <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                    <channel>
                    <title>Bench</title><link>https://bench.example</link><language>en-US</language>
                    <wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://bench.example</wp:base_site_url><wp:base_blog_url>https://bench.example</wp:base_blog_url>
                    """);
            for (int a = 0; a < 10; a++) {
                w.write("<wp:author><wp:author_login>writer" + a + "</wp:author_login><wp:author_display_name><![CDATA[Writer " + a + "]]></wp:author_display_name></wp:author>\n");
            }
            for (int c = 0; c < 20; c++) {
                w.write("<wp:category><wp:term_id>" + (1000 + c) + "</wp:term_id><wp:category_nicename>section-" + c + "</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[Section " + c + "]]></wp:cat_name></wp:category>\n");
            }
            for (int t = 0; t < 200; t++) {
                w.write("<wp:tag><wp:term_id>" + (2000 + t) + "</wp:term_id><wp:tag_slug>topic-" + t + "</wp:tag_slug><wp:tag_name><![CDATA[Topic " + t + "]]></wp:tag_name></wp:tag>\n");
            }
            for (int i = 0; i < 3; i++) {
                w.write("<wp:term><wp:term_id>" + (10 + i) + "</wp:term_id><wp:term_taxonomy>language</wp:term_taxonomy><wp:term_slug>" + LANGS[i] + "</wp:term_slug><wp:term_name>" + LANGS[i] + "</wp:term_name></wp:term>\n");
            }
            LocalDateTime start = LocalDateTime.of(2015, 1, 1, 8, 0);
            for (int id = 1; id <= n; id++) {
                String lang = LANGS[(id - 1) % 3];
                int group = (id - 1) / 3;
                LocalDateTime date = start.plusMinutes(97L * group + (id - 1) % 3);
                String title = sentence(random, 6 + random.nextInt(6));
                String slug = "post-" + id + "-" + title.toLowerCase().replaceAll("[^a-z]+", "-").replaceAll("(^-|-$)", "");
                StringBuilder body = new StringBuilder();
                body.append(sentence(random, 25)).append(".\n<!--more-->\n");
                for (int p = 0; p < 6; p++) {
                    if (id % 2 == 0) body.append("<!-- wp:paragraph -->\n<p>").append(sentence(random, 40)).append(".</p>\n<!-- /wp:paragraph -->\n\n");
                    else body.append(sentence(random, 40)).append(".\n\n");
                }
                if (id % 5 == 0) body.append("[caption id=\"attachment_1\" align=\"aligncenter\" width=\"600\"]<img src=\"https://bench.example/wp-content/uploads/2020/01/photo-" + (id % 50) + ".jpg\" alt=\"\"> A caption[/caption]\n\n");
                if (id % 7 == 0) body.append("[newsletter_signup list=\"3\"]\n");
                w.write("<item>\n<title><![CDATA[" + title + "]]></title>\n<link>https://bench.example/" + date.toLocalDate().toString().replace('-', '/') + "/" + slug + "/</link>\n");
                w.write("<dc:creator><![CDATA[writer" + (id % 10) + "]]></dc:creator>\n<guid isPermaLink=\"false\">https://bench.example/?p=" + id + "</guid>\n");
                w.write("<content:encoded><![CDATA[" + body + "]]></content:encoded>\n<excerpt:encoded><![CDATA[]]></excerpt:encoded>\n");
                w.write("<wp:post_id>" + id + "</wp:post_id>\n<wp:post_date>" + WP.format(date.plusHours(3)) + "</wp:post_date>\n<wp:post_date_gmt>" + WP.format(date) + "</wp:post_date_gmt>\n");
                w.write("<wp:post_modified>" + WP.format(date.plusHours(5)) + "</wp:post_modified>\n<wp:post_modified_gmt>" + WP.format(date.plusHours(2)) + "</wp:post_modified_gmt>\n");
                w.write("<wp:post_name><![CDATA[" + slug + "]]></wp:post_name>\n<wp:status>" + (id % 50 == 0 ? "draft" : "publish") + "</wp:status>\n<wp:post_parent>0</wp:post_parent>\n<wp:post_type>post</wp:post_type>\n<wp:is_sticky>0</wp:is_sticky>\n");
                w.write("<category domain=\"category\" nicename=\"section-" + (group % 20) + "\"><![CDATA[Section " + (group % 20) + "]]></category>\n");
                for (int t = 0; t < 3; t++) {
                    int tag = (group * 7 + t * 13) % 200;
                    w.write("<category domain=\"post_tag\" nicename=\"topic-" + tag + "\"><![CDATA[Topic " + tag + "]]></category>\n");
                }
                w.write("<category domain=\"language\" nicename=\"" + lang + "\"><![CDATA[" + lang + "]]></category>\n");
                w.write("<category domain=\"post_translations\" nicename=\"pll_" + group + "\"><![CDATA[pll_" + group + "]]></category>\n");
                w.write("<wp:postmeta><wp:meta_key>ss_ss_click_share_count_facebook</wp:meta_key><wp:meta_value>" + random.nextInt(500) + "</wp:meta_value></wp:postmeta>\n");
                w.write("</item>\n");
            }
            w.write("</channel>\n</rss>\n");
        }
    }

    private static String sentence(Random random, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) s.append(' ');
            s.append(WORDS[random.nextInt(WORDS.length)]);
        }
        s.setCharAt(0, Character.toUpperCase(s.charAt(0)));
        return s.toString();
    }
}
