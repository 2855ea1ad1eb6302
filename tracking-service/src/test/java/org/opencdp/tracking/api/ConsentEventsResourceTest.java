package org.opencdp.tracking.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.opencdp.tracking.api.Batches.event;
import static org.opencdp.tracking.api.Batches.newId;
import static org.opencdp.tracking.api.Batches.send;
import static org.opencdp.tracking.api.Batches.with;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithPostgres
@WithConsentService
class ConsentEventsResourceTest {

    private static final String DELIVERY = "/api/v1/events/consent";

    private final String visitor = newId();
    private final String session = newId();
    private final Instant now = Instant.now();

    /** A consent.revoked event as consent-service's outbox delivers it (contract consent.revoked v1). */
    private static Map<String, Object> revocation(UUID eventId, String visitorId, UUID... revokedEntries) {
        List<Map<String, Object>> revocations = List.of(revokedEntries).stream()
                .map(revoked -> Map.<String, Object>of(
                        "purpose", "web-analytics",
                        "entryId", UUID.randomUUID().toString(),
                        "revokedEntryId", revoked.toString()))
                .toList();
        return Map.of(
                "id", eventId.toString(),
                "type", "consent.revoked",
                "version", 1,
                "occurredAt", Instant.now().toString(),
                "payload",
                        Map.of(
                                "holderType",
                                "VISITOR",
                                "holderId",
                                visitorId,
                                "purposes",
                                List.of("web-analytics"),
                                "revocations",
                                revocations,
                                "revokedAt",
                                Instant.now().toString()));
    }

    private static ValidatableResponse deliver(Object events) {
        return given().auth()
                .oauth2(TestTokens.serviceAccount("consent-service"))
                .contentType(ContentType.JSON)
                .body(events)
                .when()
                .post(DELIVERY)
                .then();
    }

    private long storedOf(String visitorId) {
        return TestDatabase.count("SELECT count(*) FROM tracked_event WHERE visitor_id = ?", visitorId);
    }

    @Test
    void aRevocationDeletesEverythingCollectedUnderTheEntryAlsoWhatTheCacheAcceptedAfterIt() {
        UUID entry = DecisionsServer.grant(visitor);
        String otherVisitor = newId();
        UUID otherEntry = DecisionsServer.grant(otherVisitor);
        send(List.of(event("page_view", visitor, session, "https://shop.example/a", now)))
                .then()
                .statusCode(200);
        send(List.of(event("page_view", otherVisitor, newId(), "https://shop.example/a", now)))
                .then()
                .statusCode(200);
        // The visitor revokes at consent-service; until the fact arrives here, the gate's memory (or a decision
        // asked just before the revocation) still allows: this event is stored under the same ledger entry.
        send(List.of(with(
                        with(
                                event("page_leave", visitor, session, "https://shop.example/a", now.plusSeconds(1)),
                                "dwellMs",
                                1000),
                        "scrollDepth",
                        40)))
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1));
        assertThat(storedOf(visitor)).isEqualTo(2);

        UUID eventId = UUID.randomUUID();
        deliver(List.of(revocation(eventId, visitor, entry)))
                .statusCode(200)
                .body("received", equalTo(1))
                .body("deleted", equalTo(2));
        assertThat(storedOf(visitor)).isZero();
        assertThat(storedOf(otherVisitor)).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM tracked_event WHERE consent_entry_id = ?", otherEntry))
                .isEqualTo(1);

        // Redelivered: nothing more happens.
        deliver(List.of(revocation(eventId, visitor, entry))).statusCode(200).body("deleted", equalTo(0));
    }

    @Test
    void aBatchDecidedUnderAnEntryRevokedMeanwhileIsDroppedNotStored() {
        UUID entry = DecisionsServer.grant(visitor);
        deliver(List.of(revocation(UUID.randomUUID(), visitor, entry))).statusCode(200);
        // consent-service still answers with the revoked entry (its answer was given before the revocation reached
        // tracking-service): the store sees the entry revoked and keeps nothing.
        send(List.of(event("page_view", visitor, session, "https://shop.example/late", now)))
                .then()
                .statusCode(200)
                .body("accepted", equalTo(0))
                .body("dropped", equalTo(1))
                .body("results[0].reason", equalTo("no-consent"));
        assertThat(storedOf(visitor)).isZero();
    }

    @Test
    void afterARevocationTheNextEventIsDecidedByConsentServiceAgain() {
        UUID entry = DecisionsServer.grant(visitor);
        send(List.of(event("page_view", visitor, session, "https://shop.example/a", now)))
                .then()
                .body("accepted", equalTo(1));
        int calls = DecisionsServer.calls();
        DecisionsServer.refuse(visitor);
        deliver(List.of(revocation(UUID.randomUUID(), visitor, entry))).statusCode(200);
        send(List.of(event("page_view", visitor, session, "https://shop.example/b", now.plusMillis(5))))
                .then()
                .body("dropped", equalTo(1));
        assertThat(DecisionsServer.calls()).isEqualTo(calls + 1);
        assertThat(storedOf(visitor)).isZero();
    }

    @Test
    void anUnreadableVersionIsRefusedWith422AndNothingApplied() {
        UUID entry = DecisionsServer.grant(visitor);
        send(List.of(event("page_view", visitor, session, "https://shop.example/a", now)))
                .then()
                .body("accepted", equalTo(1));
        Map<String, Object> future = new java.util.HashMap<>(revocation(UUID.randomUUID(), visitor, entry));
        future.put("version", 2);
        deliver(List.of(future)).statusCode(422).contentType("application/problem+json");
        assertThat(storedOf(visitor)).isEqualTo(1);
    }

    @Test
    void onlyConsentServiceDeliversConsentEvents() {
        given().contentType(ContentType.JSON)
                .body("[]")
                .when()
                .post(DELIVERY)
                .then()
                .statusCode(401);
        for (String token : List.of(
                TestTokens.forRole("admin"),
                TestTokens.serviceAccount("profile-service"),
                TestTokens.shop("shop-backend"))) {
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body("[]")
                    .when()
                    .post(DELIVERY)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
    }
}
