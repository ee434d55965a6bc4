package org.wargeys.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.wargeys.testsupport.ApiContract;

/**
 * The contract itself: the OpenAPI 3.1 document is one a real OpenAPI parser reads without a single
 * complaint, and every API address in the URL table is described in it (and nothing else is).
 */
class OpenApiDocumentTest {

    @Test
    void the_document_is_valid_openapi_3_1() {
        var result = ApiContract.parse(ApiContract.text());
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(result.getOpenAPI().getComponents().getSchemas()).containsKeys("Article", "Problem", "WebhookEvent");
        assertThat(result.getOpenAPI().getWebhooks()).containsKeys("article.published", "correction.added");
    }

    @Test
    void every_api_route_is_described_and_every_described_path_is_routed() throws IOException {
        String routes = Files.readString(Path.of("src/main/java/org/wargeys/Routes.java"));
        Matcher m = Pattern.compile(
                        "\"(/api/v1/(?:openapi\\.json|articles|sections|tags|authors|search|admin)[^\"]*)\"")
                .matcher(routes);
        java.util.Set<String> routed = new java.util.TreeSet<>();
        while (m.find()) routed.add(m.group(1));
        assertThat(routed).hasSizeGreaterThan(10);
        routed.remove("/api/v1/articles/{id}/shares"); // the share counts (docs/sharing.md)
        assertThat(ApiContract.operations().keySet()).containsExactlyInAnyOrderElementsOf(routed);
    }
}
