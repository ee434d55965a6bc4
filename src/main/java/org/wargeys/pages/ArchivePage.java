package org.wargeys.pages;

import java.util.List;
import org.wargeys.web.Layout;

/**
 * The model of {@code pages/archive.jte}: one page of a section, tag, author or date archive.
 *
 * @param previousHref newer articles, or null on the first page
 * @param nextHref older articles, or null on the last page
 */
public record ArchivePage(
        Layout layout, String heading, List<Teaser> teasers, String pageText, String previousHref, String nextHref) {
    public ArchivePage {
        teasers = List.copyOf(teasers);
    }
}
