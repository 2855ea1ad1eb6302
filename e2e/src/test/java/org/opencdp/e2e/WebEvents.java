package org.opencdp.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.opencdp.localstack.Service;

/**
 * The web events tracking-service holds for a subject, read as retention-service reads them (the web-events category
 * of the subject-rights export), once or until they are as a test expects: they arrive and go asynchronously (the
 * tracker's batches, the outbox's revocations).
 */
final class WebEvents {

    private static final Duration POLL = Duration.ofMillis(500);

    private WebEvents() {}

    /** The subject's stored web events, each a row of the export (type, consent_entry_id, ...). */
    static List<Map<String, Object>> of(E2eSuite suite, UUID subject) {
        List<Map<String, Object>> categories = given().baseUri(suite.url(Service.TRACKING))
                .auth()
                .oauth2(suite.keycloak().serviceToken(Service.RETENTION, Service.TRACKING))
                .when()
                .get("/api/v1/subject-rights/" + subject)
                .then()
                .statusCode(200)
                .extract()
                .path("categories");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events = categories.stream()
                .filter(category -> "web-events".equals(category.get("category")))
                .map(category -> (List<Map<String, Object>>) category.get("data"))
                .findFirst()
                .orElseThrow();
        return events;
    }

    /**
     * Reads the subject's web events again every half second until {@code expectation} holds; after {@code atMost}
     * fails with the expectation's last failure.
     */
    static void until(E2eSuite suite, UUID subject, Duration atMost, Consumer<List<Map<String, Object>>> expectation) {
        await().atMost(atMost).pollInterval(POLL).untilAsserted(() -> expectation.accept(of(suite, subject)));
    }
}
