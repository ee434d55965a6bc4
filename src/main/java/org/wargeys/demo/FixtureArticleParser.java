package org.wargeys.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wargeys.article.Dateline;

/**
 * Reads an article from text a reader copied off a news page: the first line is the headline; a
 * dateline ({@code PLACE – (OUTLET) –}) may open the first paragraph; the site chrome that trails
 * the article (translation notice, share bar, plugin credits) is recognised and dropped, because the
 * platform draws its own.
 */
final class FixtureArticleParser {

    private static final Pattern DATELINE = Pattern.compile(
            "^(?<place>[^–—()]+?)\\s+[–—-]+\\s+\\((?<outlet>[^)]+)\\)\\s+[–—-]+\\s+(?<rest>.+)$", Pattern.DOTALL);

    // Chrome of the outlet's old site in the languages it published in; matched whole-line, at the end only.
    private static final List<Pattern> CHROME = List.of(
            Pattern.compile("^This post is also available in:.*$"),
            Pattern.compile("^Qoraalkan waxaa sidoo kale lagu heli karaa:.*$"),
            Pattern.compile("^(Share via|Ku wadaag)$"),
            Pattern.compile("^(Copy link|Koobiyee xiriirka)$"),
            Pattern.compile("^Powered by .*$"));

    FixtureArticle parse(String text) {
        List<String> lines = new ArrayList<>(
                List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)));
        dropTrailingChrome(lines);
        List<String> paragraphs = paragraphs(lines);
        if (paragraphs.isEmpty()) throw new IllegalArgumentException("The text has no headline");
        String headline = paragraphs.remove(0);
        Dateline dateline = Dateline.NONE;
        if (!paragraphs.isEmpty()) {
            Matcher m = DATELINE.matcher(paragraphs.get(0));
            if (m.matches()) {
                dateline = new Dateline(m.group("place"), m.group("outlet"));
                paragraphs.set(0, m.group("rest").strip());
            }
        }
        return new FixtureArticle(headline, dateline, paragraphs);
    }

    private static void dropTrailingChrome(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || isChrome(line)) {
                lines.remove(i);
            } else {
                return;
            }
        }
    }

    static boolean isChrome(String line) {
        return CHROME.stream().anyMatch(p -> p.matcher(line).matches());
    }

    // The headline is its own line; after it, blank lines separate paragraphs and a paragraph's
    // lines are joined with spaces.
    private static List<String> paragraphs(List<String> lines) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean headlineTaken = false;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || !headlineTaken) {
                if (current.length() > 0) {
                    paragraphs.add(current.toString());
                    current.setLength(0);
                }
                if (!line.isEmpty()) {
                    paragraphs.add(line);
                    headlineTaken = true;
                }
                continue;
            }
            if (current.length() > 0) current.append(' ');
            current.append(line);
        }
        if (current.length() > 0) paragraphs.add(current.toString());
        return paragraphs;
    }
}
