package org.opencdp.webhookauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** The schemes' computations, without the service: what docs/integrations.md shows must come out exactly. */
class WebhookSignaturesTest {
    /** The signatures docs/integrations.md shows for its examples. */
    private static final String GENERIC_EXAMPLE = "5ac64dcdaaeae781ee454fa3fdf3324d948dfc2071752500c90ccc7c100792bc";

    private static final String ZAMMAD_EXAMPLE = "5291816d70396bb20dc14f0a8b58f86a809fef41";

    private static final byte[] SECRET = "ocdp_example-secret".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "{\"event\":\"call.ended\",\"callId\":\"c-1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theGenericSignatureOfTheGuidesExampleIsTheOneItShows() {
        // docs/integrations.md, "Generic HMAC": printf '%s' "1764230400.$BODY" | openssl dgst -sha256 -hmac "$SECRET"
        assertThat(HexFormat.of().formatHex(WebhookSignatures.generic(SECRET, "1764230400", BODY)))
                .isEqualTo(GENERIC_EXAMPLE);
    }

    @Test
    void theZammadSignatureOfTheGuidesExampleIsTheOneItShows() {
        // docs/integrations.md, "Zammad": printf '%s' "$BODY" | openssl dgst -sha1 -hmac "$SECRET"
        assertThat(HexFormat.of().formatHex(WebhookSignatures.zammad(SECRET, BODY)))
                .isEqualTo(ZAMMAD_EXAMPLE);
    }

    @Test
    void aSignatureHeaderMayCarrySeveralV1ValuesAndIgnoresAnythingElse() {
        String one = "a".repeat(64);
        String two = "B".repeat(64);
        assertThat(WebhookSignatures.genericSignatures("v1=" + one + ", v1=" + two + ",v0=" + one))
                .hasSize(2);
        assertThat(WebhookSignatures.genericSignatures("v1=" + one.substring(2)))
                .isEmpty();
        assertThat(WebhookSignatures.genericSignatures("v1=" + "g".repeat(64))).isEmpty();
        assertThat(WebhookSignatures.genericSignatures(null)).isEmpty();
        assertThat(WebhookSignatures.zammadSignature("sha256=" + one)).isEmpty();
        assertThat(WebhookSignatures.zammadSignature("sha1=" + "0".repeat(40))).isPresent();
    }

    @Test
    void theSipgateFixtureSignedWithOpensslVerifiesOverItsRawBytesOnly() {
        // fixtures/sipgate-new-call.signature was made as docs/integrations.md shows:
        // openssl dgst -sha256 -sign sipgate-test-private.pem sipgate-new-call.form | base64 -w0
        RSAPublicKey key = WebhookSignatures.rsaPublicKey(WebhookFixtures.text("sipgate-test-public.pem"))
                .orElseThrow();
        byte[] body = WebhookFixtures.bytes("sipgate-new-call.form");
        String signature = WebhookFixtures.text("sipgate-new-call.signature");
        assertThat(WebhookSignatures.sipgate(key, body, signature)).isTrue();
        byte[] reordered = WebhookFixtures.text("sipgate-new-call.form")
                .replace("event=newCall&direction=in", "direction=in&event=newCall")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignatures.sipgate(key, reordered, signature)).isFalse();
        assertThat(WebhookSignatures.sipgate(key, body, "not base64!")).isFalse();
        assertThat(WebhookSignatures.sipgate(key, body, null)).isFalse();
    }

    @Test
    void onlyRsaPublicKeysOfAtLeast2048BitsAreAccepted() {
        assertThat(WebhookSignatures.rsaPublicKey("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"))
                .isEmpty();
        assertThat(WebhookSignatures.rsaPublicKey(WebhookFixtures.text("sipgate-test-private.pem")))
                .isEmpty();
        assertThat(WebhookSignatures.rsaPublicKey(null)).isEmpty();
    }

    @Test
    void basicCredentialsSplitAtTheFirstColon() {
        String header = "Basic "
                + java.util.Base64.getEncoder().encodeToString("pbx-berlin:ocdp_a:b".getBytes(StandardCharsets.UTF_8));
        assertThat(WebhookGate.basicCredentials(header)).containsExactly("pbx-berlin", "ocdp_a:b");
        assertThat(WebhookGate.basicCredentials("Bearer x")).isNull();
        assertThat(WebhookGate.basicCredentials("Basic %%%")).isNull();
        assertThat(WebhookGate.basicCredentials(null)).isNull();
    }
}
