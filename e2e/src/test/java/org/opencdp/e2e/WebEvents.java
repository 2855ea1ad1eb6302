package org.opencdp.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import org.opencdp.localstack.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.ValidatableResponse;

/**
 * Web events as the tracker sends them from a page of the demo site, and as tracking-service holds them for a subject,
 * read as retention-service reads them (the web-events category of the subject-rights export), once or until they are
 * as a test expects: they arrive and go asynchronously (the tracker's batches, the outbox's revocations).
 */
final class WebEvents {

    private static final Duration POLL = Duration.ofMillis(500);

    private WebEvents() {}

    /** A batch as the tracker sends it from a page (text/plain with JSON inside), with the demo site key. */
    static ValidatableResponse collect(E2eSuite suite, List<Map<String, Object>> events) {
        // From the demo page's origin, which the suite registers for the demo site.
        return given().baseUri(suite.url(Service.TRACKING))
                .header("Origin", suite.url(Service.TRACKING))
                .contentType("text/plain;charset=UTF-8")
                .body(json(Map.of("events", events)))
                .when()
                .post("/api/v1/collect/site_demo")
                .then();
    }

    /** An event as the tracker writes it. */
    static Map<String, Object> event(String type, String visitor, String session, String url, Instant at) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.put("visitorId", visitor);
        event.put("sessionId", session);
        event.put("url", url);
        event.put("clientTime", at.toString());
        return event;
    }

    /** The shop tells tracking-service that the visitor logged in as {@code subject}: its events become the subject's. */
    static void identify(E2eSuite suite, String visitor, UUID subject) {
        suite.asShop(Service.TRACKING)
                .body(Map.of("subjectId", subject.toString()))
                .when()
                .post("/api/v1/visitors/" + visitor + "/subject")
                .then()
                .statusCode(204);
    }

    /** A visitor or session id as the tracker makes them: 128 random bits in hex. */
    static String newId() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The subject's stored web events, each a row of the export (type, consent_entry_id, ...). */
    static List<Map<String, Object>> of(E2eSuite suite, UUID subject) {
        List<Map<String, Object>> categories = suite.asService(Service.RETENTION, Service.TRACKING)
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

    private static String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
