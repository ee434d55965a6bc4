package org.wargeys.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShareNetworkTest {

    private static final String URL = "https://example.org/en/2020/12/a-b?x=1";
    private static final String TEXT = "Héadline & more";
    private static final String U = "https%3A%2F%2Fexample.org%2Fen%2F2020%2F12%2Fa-b%3Fx%3D1";
    private static final String T = "H%C3%A9adline%20%26%20more";

    @Test
    void every_link_carries_the_encoded_url_and_headline() {
        assertThat(ShareNetwork.X.link(URL, TEXT, "warsoor"))
                .isEqualTo("https://x.com/intent/tweet?url=" + U + "&text=" + T + "&via=warsoor");
        assertThat(ShareNetwork.FACEBOOK.link(URL, TEXT, null))
                .isEqualTo("https://www.facebook.com/sharer/sharer.php?u=" + U + "&quote=" + T);
        assertThat(ShareNetwork.WHATSAPP.link(URL, TEXT, null)).isEqualTo("https://wa.me/?text=" + T + "%20" + U);
        assertThat(ShareNetwork.TELEGRAM.link(URL, TEXT, null))
                .isEqualTo("https://t.me/share/url?url=" + U + "&text=" + T);
        assertThat(ShareNetwork.LINKEDIN.link(URL, TEXT, null))
                .isEqualTo("https://www.linkedin.com/shareArticle?mini=true&url=" + U + "&title=" + T);
        assertThat(ShareNetwork.EMAIL.link(URL, TEXT, null))
                .isEqualTo("mailto:?subject=" + T + "&body=" + T + "%0A%0A" + U);
        assertThat(ShareNetwork.COPY.link(URL, TEXT, null)).isEqualTo(URL);
    }

    @Test
    void x_link_has_no_via_without_a_handle() {
        assertThat(ShareNetwork.X.link(URL, TEXT, null)).doesNotContain("via=");
    }
}
