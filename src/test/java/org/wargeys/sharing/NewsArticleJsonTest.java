package org.wargeys.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NewsArticleJsonTest {

    @Test
    void text_cannot_close_the_script_element_and_still_parses_back() throws Exception {
        String headline = "</script><script>alert(1)</script> <!-- & \u2028";
        String json = NewsArticleJson.write(Map.of("headline", headline));
        assertThat(json).doesNotContain("</", "<", ">", "&", "\u2028");
        assertThat(new ObjectMapper().readTree(json).get("headline").asText()).isEqualTo(headline);
    }
}
