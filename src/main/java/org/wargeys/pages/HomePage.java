package org.wargeys.pages;

import java.util.List;
import org.wargeys.web.Layout;

/** The model of {@code pages/home.jte}: the latest published articles in one language. */
public record HomePage(Layout layout, List<Teaser> teasers) {
    public HomePage {
        teasers = List.copyOf(teasers);
    }
}
