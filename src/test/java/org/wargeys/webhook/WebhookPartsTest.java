package org.wargeys.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.wargeys.platform.ValidationException;
import org.wargeys.testsupport.StandardWebhooks;

/** Signatures, the waits between retries, and which targets may be called. */
class WebhookPartsTest {

    @Test
    void a_signature_matches_the_specifications_test_vector() {
        // The vector of the Standard Webhooks reference libraries.
        assertThat(Signature.sign(
                        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330,
                        "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        String secret = Signature.newSecret();
        String body = "{\"type\":\"article.published\"}";
        StandardWebhooks.verify(secret, "msg_1", "1000", Signature.sign(secret, "msg_1", 1000, body), body, 1000);
        assertThatThrownBy(() -> StandardWebhooks.verify(
                        secret, "msg_1", "1000", Signature.sign(secret, "msg_1", 1000, body), body + " ", 1000))
                .hasMessageContaining("No matching signature");
    }

    @Test
    void waits_double_from_thirty_seconds_up_to_six_hours() {
        assertThat(WebhookWorker.backoff(1)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(33));
        assertThat(WebhookWorker.backoff(2)).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(66));
        assertThat(WebhookWorker.backoff(12)).isBetween(Duration.ofHours(6), Duration.ofMinutes(396));
        assertThat(WebhookWorker.backoff(60)).isBetween(Duration.ofHours(6), Duration.ofMinutes(396));
    }

    @Test
    void loopback_private_link_local_and_mapped_addresses_are_not_public() throws Exception {
        for (String address : new String[] {
            "127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
            "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "224.0.0.1", "::"
        }) {
            assertThat(Targets.isPublic(InetAddress.getByName(address)))
                    .as(address)
                    .isFalse();
        }
        for (String address : new String[] {"93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "172.32.0.1"}) {
            assertThat(Targets.isPublic(InetAddress.getByName(address)))
                    .as(address)
                    .isTrue();
        }
    }

    @Test
    void every_address_a_name_resolves_to_is_checked() {
        Targets targets = new Targets(false, host ->
                new InetAddress[] {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("127.0.0.1")});
        assertThatThrownBy(() -> targets.check("https://rebinding.example/hook"))
                .isInstanceOf(ValidationException.class);
        assertThat(targets.refusal(URI.create("https://rebinding.example/hook")))
                .isPresent();
        Targets allowed = new Targets(true, host -> new InetAddress[] {InetAddress.getByName("127.0.0.1")});
        assertThat(allowed.refusal(URI.create("http://localhost/hook"))).isEmpty();
        assertThatThrownBy(() -> Targets.parse("ftp://example.org/")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Targets.parse("https://user:pw@example.org/")).isInstanceOf(ValidationException.class);
    }
}
