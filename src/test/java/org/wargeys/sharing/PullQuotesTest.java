package org.wargeys.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class PullQuotesTest {

    @Test
    void a_shareable_quote_gets_a_link_that_shares_the_quote() {
        String body =
                "<p>Lede.</p><blockquote class=\"shareable\"><p>It is the right of the people to take revenge.</p></blockquote>"
                        + "<blockquote><p>Not this one.</p></blockquote>";
        var doc = Jsoup.parseBodyFragment(PullQuotes.decorate(body, "https://e.org/a", null, "Share this quote"));
        var links = doc.select("a[data-network=x]");
        assertThat(links).hasSize(1);
        assertThat(links.first().closest("blockquote").hasClass("shareable")).isTrue();
        assertThat(links.attr("href"))
                .startsWith("https://x.com/intent/tweet?url=https%3A%2F%2Fe.org%2Fa&text=")
                .contains("It%20is%20the%20right%20of%20the%20people%20to%20take%20revenge.");
        assertThat(links.text()).isEqualTo("Share this quote");
    }

    @Test
    void a_body_without_shareable_quotes_is_left_as_it_is() {
        String body = "<p>Lede &amp; more.</p><blockquote><p>Quote</p></blockquote>";
        assertThat(PullQuotes.decorate(body, "https://e.org/a", null, "Share")).isSameAs(body);
    }

    @Test
    void long_quotes_are_cut_at_a_word() {
        String quote = "word ".repeat(100);
        String shortened = PullQuotes.shorten(quote);
        assertThat(shortened).hasSizeLessThanOrEqualTo(PullQuotes.MAX_QUOTE).endsWith("word…");
    }
}
