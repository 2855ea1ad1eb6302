package org.opencdp.profile.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencdp.profile.api.TicketFixtures.genericSignature;
import static org.opencdp.profile.api.TicketFixtures.hubSignature;
import static org.opencdp.profile.api.TicketFixtures.register;
import static org.opencdp.profile.api.TicketFixtures.sendGeneric;
import static org.opencdp.profile.api.TicketFixtures.sendZammad;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The ticket examples of the integrator's guide (docs/integrations.md), read from the guide itself: the signatures it
 * shows are what its commands compute, and the bodies it shows are accepted by the real endpoints.
 */
@QuarkusTest
@WithPostgres
class TicketGuideExamplesTest {

    static final Path GUIDE = Path.of("..", "docs", "integrations.md");
    static final String SECRET = "ocdp_example-secret";
    static final long TIMESTAMP = 1764230400L;

    private static String guide() throws IOException {
        return Files.readString(GUIDE, StandardCharsets.UTF_8);
    }

    private static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        assertThat(matcher.find()).as("the guide has " + regex).isTrue();
        return matcher.group(1);
    }

    @Test
    void theGenericTicketExampleSignsAsShownAndIsAccepted() throws IOException {
        String guide = guide();
        byte[] body = find(guide, "^TICKET='(.*)'$").getBytes(StandardCharsets.UTF_8);
        assertThat(genericSignature(SECRET, TIMESTAMP, body))
                .isEqualTo(find(guide, "# ticket signature: ([0-9a-f]{64})$"));

        String secret = register("helpdesk-guide", "GENERIC_HMAC");
        sendGeneric("helpdesk-guide", secret, Instant.now().getEpochSecond(), body)
                .then()
                .statusCode(200);
    }

    @Test
    void theZammadExampleSignsAsShownAndIsAccepted() throws IOException {
        String guide = guide();
        byte[] body = find(guide, "^ZAMMAD='(.*)'$").getBytes(StandardCharsets.UTF_8);
        assertThat(hubSignature(SECRET, body)).isEqualTo("sha1=" + find(guide, "# zammad signature: ([0-9a-f]{40})$"));

        String token = register("zammad-guide", "ZAMMAD");
        sendZammad("zammad-guide", token, UUID.randomUUID().toString(), body)
                .then()
                .statusCode(200);
    }
}
