package org.wargeys.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ShareCardRendererTest {

    private static final String ARABIC = "إيران تتوعد بالانتقام لسليماني مع اقتراب الذكرى الأولى لاغتياله";
    private final ShareCardRenderer renderer = new ShareCardRenderer();

    @Test
    void card_is_a_1200_by_630_png() throws IOException {
        BufferedImage card = read(renderer.card("Iran vows revenge", "World", "Warsoor", Locale.ENGLISH, false));
        assertThat(card.getWidth()).isEqualTo(1200);
        assertThat(card.getHeight()).isEqualTo(630);
    }

    @Test
    void a_long_headline_wraps_to_the_card_width() {
        String headline = "Iran Vows Soleimani Revenge As First Anniversary of Assassination Looms Over the Region";
        var frc = new FontRenderContext(null, true, true);
        List<java.awt.font.TextLayout> lines =
                ShareCardRenderer.wrap(headline, new Font(Font.SANS_SERIF, Font.BOLD, 72), frc, 1056, false);
        assertThat(lines).hasSizeGreaterThan(2);
        assertThat(lines).allSatisfy(line -> assertThat(line.getAdvance()).isLessThanOrEqualTo(1056f));
    }

    @Test
    void arabic_headline_is_laid_out_right_to_left_and_set_flush_right() throws IOException {
        assertThat(ShareCardRenderer.isRightToLeft(ARABIC)).isTrue();
        assertThat(ShareCardRenderer.isRightToLeft("Iran vows revenge")).isFalse();
        var frc = new FontRenderContext(null, true, true);
        var lines = ShareCardRenderer.wrap(ARABIC, new Font(Font.SANS_SERIF, Font.BOLD, 72), frc, 1056, true);
        assertThat(lines).allSatisfy(line -> assertThat(line.isLeftToRight()).isFalse());

        BufferedImage card = read(renderer.card(ARABIC, "العالم", "وارسور", new Locale("ar"), true));
        // Right-aligned text: the headline band has ink near the right margin, none near the left edge.
        assertThat(inkBetween(card, 1060, 1128, 150, 470)).isPositive();
        assertThat(inkBetween(card, 0, 60, 150, 470)).isZero();
    }

    @Test
    void arabic_letters_are_shaped_into_joined_forms() {
        // Shaping joins letters, so the shaped word is narrower than its isolated letters side by side.
        var frc = new FontRenderContext(null, true, true);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 40);
        float word =
                ShareCardRenderer.wrap("سليماني", font, frc, 2000, true).get(0).getAdvance();
        float separate = 0;
        for (char c : "سليماني".toCharArray()) {
            separate += ShareCardRenderer.wrap(String.valueOf(c), font, frc, 2000, true)
                    .get(0)
                    .getAdvance();
        }
        assertThat(word).isLessThan(separate);
    }

    @Test
    void logo_is_600_by_60() throws IOException {
        BufferedImage logo = read(renderer.logo("Warsoor"));
        assertThat(logo.getWidth()).isEqualTo(600);
        assertThat(logo.getHeight()).isEqualTo(60);
    }

    private static int inkBetween(BufferedImage image, int x0, int x1, int y0, int y1) {
        int ink = 0;
        for (int x = x0; x < x1; x++) {
            for (int y = y0; y < y1; y++) {
                if ((image.getRGB(x, y) & 0xff) > 0x80) ink++;
            }
        }
        return ink;
    }

    private static BufferedImage read(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }
}
