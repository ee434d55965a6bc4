package org.wargeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.HandlerType;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wargeys.testsupport.DatabaseKind;
import org.wargeys.testsupport.TestSite;

/** A HEAD request to a newsroom page passes the same gate as a GET: anonymous, it is sent to sign in. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminHeadRequestsIT {

    TestSite site;

    @BeforeAll
    void start() {
        site = TestSite.start(DatabaseKind.SQLITE, false);
    }

    @AfterAll
    void stop() {
        site.deleteData();
    }

    @Test
    void an_anonymous_head_request_to_any_newsroom_page_is_sent_to_sign_in() {
        for (Routes.AdminRoute route : Routes.newsroom(site.wiring())) {
            if (route.method() != HandlerType.GET) continue;
            String path = route.path().replaceAll("\\{[a-z]+\\}", "1");
            HttpResponse<String> response = site.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + path))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .build());
            assertThat(response.statusCode()).as("HEAD " + path).isEqualTo(303);
            assertThat(response.headers().firstValue("Location"))
                    .as("HEAD " + path)
                    .hasValueSatisfying(location -> assertThat(location).startsWith("/admin/login?next="));
        }
    }
}
