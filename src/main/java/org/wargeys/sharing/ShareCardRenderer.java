package org.wargeys.sharing;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.AttributedString;
import java.text.Bidi;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws share cards and the publisher logo with Java2D, headless. The headline is laid out with
 * {@link TextLayout}, which shapes Arabic and orders mixed-direction text by the Unicode bidi
 * algorithm; right-to-left headlines are set flush right. The font shrinks until the headline fits
 * in at most {@link #MAX_LINES} lines. Uses the JDK's logical sans-serif font (DejaVu on Debian).
 * Thread-safe: each call draws on its own image.
 */
final class ShareCardRenderer {

    static final int WIDTH = 1200;
    static final int HEIGHT = 630;
    static final int LOGO_WIDTH = 600;
    static final int LOGO_HEIGHT = 60;
    static final int MAX_LINES = 5;
    private static final int MARGIN = 72;
    private static final Color PAPER = new Color(0x1a1a1a);
    private static final Color INK = Color.WHITE;
    private static final Color ACCENT = new Color(0xe5383b);

    /** The card as PNG bytes. */
    byte[] card(String headline, String section, String outlet, java.util.Locale locale, boolean rightToLeft) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(image);
        try {
            g.setColor(PAPER);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(ACCENT);
            g.fillRect(0, HEIGHT - 16, WIDTH, 16);
            int width = WIDTH - 2 * MARGIN;
            if (section != null && !section.isBlank()) {
                drawLine(
                        g,
                        section.toUpperCase(locale),
                        new Font(Font.SANS_SERIF, Font.BOLD, 30),
                        ACCENT,
                        MARGIN + 30,
                        width,
                        rightToLeft);
            }
            drawHeadline(g, headline, width, rightToLeft);
            drawLine(g, outlet, new Font(Font.SANS_SERIF, Font.BOLD, 34), INK, HEIGHT - 60, width, rightToLeft);
        } finally {
            g.dispose();
        }
        return png(image);
    }

    /** The publisher logo that news search engines ask for: the outlet's name on 600×60. */
    byte[] logo(String outlet) {
        BufferedImage image = new BufferedImage(LOGO_WIDTH, LOGO_HEIGHT, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = graphics(image);
        try {
            Font font = new Font(Font.SERIF, Font.BOLD, 44);
            while (font.getSize() > 12
                    && layout(outlet, font, g.getFontRenderContext(), false).getAdvance() > LOGO_WIDTH) {
                font = font.deriveFont(font.getSize2D() - 2);
            }
            TextLayout text = layout(outlet, font, g.getFontRenderContext(), false);
            g.setColor(new Color(0x1a1a1a));
            text.draw(g, 0, (LOGO_HEIGHT + text.getAscent() - text.getDescent()) / 2f);
        } finally {
            g.dispose();
        }
        return png(image);
    }

    private void drawHeadline(Graphics2D g, String headline, int width, boolean rightToLeft) {
        int top = MARGIN + 70;
        int bottom = HEIGHT - 120;
        for (int size = 72; size >= 24; size -= 4) {
            Font font = new Font(Font.SANS_SERIF, Font.BOLD, size);
            List<TextLayout> lines = wrap(headline, font, g.getFontRenderContext(), width, rightToLeft);
            float lineHeight = size * 1.25f;
            if (lines.size() <= MAX_LINES && lines.size() * lineHeight <= bottom - top) {
                g.setColor(INK);
                float y = top + size;
                for (TextLayout line : lines) {
                    float x = rightToLeft ? MARGIN + width - line.getAdvance() : MARGIN;
                    line.draw(g, x, y);
                    y += lineHeight;
                }
                return;
            }
        }
        // Even the smallest size overflows (a 300-character headline): set what fits.
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, 24);
        List<TextLayout> lines = wrap(headline, font, g.getFontRenderContext(), width, rightToLeft);
        g.setColor(INK);
        float y = top + 24;
        for (TextLayout line : lines) {
            if (y > bottom) break;
            line.draw(g, rightToLeft ? MARGIN + width - line.getAdvance() : MARGIN, y);
            y += 30;
        }
    }

    static List<TextLayout> wrap(String text, Font font, FontRenderContext frc, int width, boolean rightToLeft) {
        List<TextLayout> lines = new ArrayList<>();
        if (text.isEmpty()) return lines;
        LineBreakMeasurer measurer =
                new LineBreakMeasurer(attributed(text, font, rightToLeft).getIterator(), frc);
        while (measurer.getPosition() < text.length()) {
            lines.add(measurer.nextLayout(width));
        }
        return lines;
    }

    private void drawLine(
            Graphics2D g, String text, Font font, Color color, int baseline, int width, boolean rightToLeft) {
        List<TextLayout> lines = wrap(text, font, g.getFontRenderContext(), width, rightToLeft);
        if (lines.isEmpty()) return;
        TextLayout line = lines.get(0);
        g.setColor(color);
        line.draw(g, rightToLeft ? MARGIN + width - line.getAdvance() : MARGIN, baseline);
    }

    private static TextLayout layout(String text, Font font, FontRenderContext frc, boolean rightToLeft) {
        return new TextLayout(attributed(text, font, rightToLeft).getIterator(), frc);
    }

    private static AttributedString attributed(String text, Font font, boolean rightToLeft) {
        AttributedString string = new AttributedString(text);
        string.addAttribute(TextAttribute.FONT, font);
        string.addAttribute(
                TextAttribute.RUN_DIRECTION,
                rightToLeft ? TextAttribute.RUN_DIRECTION_RTL : TextAttribute.RUN_DIRECTION_LTR);
        return string;
    }

    /** True when the text's paragraph direction, by the Unicode bidi algorithm, is right to left. */
    static boolean isRightToLeft(String text) {
        return new Bidi(text, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT).baseIsLeftToRight() == false;
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        return g;
    }

    private static byte[] png(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024)) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
