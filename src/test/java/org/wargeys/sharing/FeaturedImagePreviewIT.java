package org.wargeys.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wargeys.media.Image;
import org.wargeys.platform.Actor;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;

/** An article with a featured image is previewed with that photo; without one, with its share card. */
class FeaturedImagePreviewIT {

    static final String EN = "/en/2020/12/iran-vows-soleimani-revenge";

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void the_featured_image_replaces_the_share_card_in_previews(DatabaseKind kind) throws Exception {
        TestSite site = TestSite.start(kind);
        try {
            var before = Jsoup.parse(site.get(EN).body());
            assertThat(before.select("meta[property=og:image]").attr("content")).contains("/share-cards/");

            var articles = site.wiring().articles().service();
            var article =
                    articles.findPublished("en", "iran-vows-soleimani-revenge").orElseThrow();
            Image photo = site.wiring()
                    .media()
                    .service()
                    .upload(
                            jpeg(1600, 900),
                            "Warsoor photo layout",
                            Map.of(
                                    "en",
                                    new Image.Text("Mourners carry a portrait of Soleimani", "Tehran, January 2020")),
                            Actor.TERMINAL);
            site.get(EN);
            site.wiring()
                    .articles()
                    .service()
                    .feature(article.id(), photo.id(), Actor.TERMINAL); // drops the cached page by itself

            var page = Jsoup.parse(site.get(EN).body());
            String image = page.select("meta[property=og:image]").attr("content");
            assertThat(image).startsWith(site.baseUrl() + "/media/").endsWith(".jpg");
            assertThat(page.select("meta[property=og:image:type]").attr("content"))
                    .isEqualTo("image/jpeg");
            assertThat(page.select("meta[property=og:image:alt]").attr("content"))
                    .isEqualTo("Mourners carry a portrait of Soleimani");
            assertThat(Integer.parseInt(
                            page.select("meta[property=og:image:width]").attr("content")))
                    .isPositive();
            var json = new ObjectMapper()
                    .readTree(page.select("script[type=application/ld+json]").html());
            assertThat(json.path("image").get(0).path("url").asText()).isEqualTo(image);
            assertThat(site.get(image.substring(site.baseUrl().length())).statusCode())
                    .isEqualTo(200);
        } finally {
            site.deleteData();
        }
    }

    private static byte[] jpeg(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(160, 40, 30));
        g.fillRect(0, 0, width, height / 3);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }
}
