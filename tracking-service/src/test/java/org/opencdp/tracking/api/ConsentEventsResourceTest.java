package org.opencdp.tracking.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.opencdp.tracking.api.Batches.event;
import static org.opencdp.tracking.api.Batches.newId;
import static org.opencdp.tracking.api.Batches.with;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.opencdp.events.EventContracts;
import org.opencdp.events.consent.ConsentRevoked;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;
import org.opencdp.tracking.AcceptedEvents;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithPostgres
class ConsentEventsResourceTest {

    private static final String DELIVERY = "/api/v1/events/consent";

    @Inject
    AcceptedEvents accepted;

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
        UUID entry = UUID.randomUUID();
        String otherVisitor = newId();
        UUID otherEntry = UUID.randomUUID();
        accepted.fromSite(
                "site_demo", entry, List.of(event("page_view", visitor, session, "https://shop.example/a", now)));
        accepted.fromSite(
                "site_demo",
                otherEntry,
                List.of(event("page_view", otherVisitor, newId(), "https://shop.example/a", now)));
        // The visitor revokes at consent-service; until the fact arrives here, the gate's memory (or a decision
        // asked just before the revocation) still allows: this event is stored under the same ledger entry.
        accepted.fromSite(
                "site_demo",
                entry,
                List.of(with(
                        with(
                                event("page_leave", visitor, session, "https://shop.example/a", now.plusSeconds(1)),
                                "dwellMs",
                                1000),
                        "scrollDepth",
                        40)));
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
    void theContractsExampleDeletesTheEventsUnderTheEntryItEnded() {
        // consent.revoked v1 as libs/events pins it: a subject's revocation of two purposes. The web-analytics
        // entry it ended has the subject's server events; the other purpose's entry has none here.
        JsonNode example = EventContracts.example(ConsentRevoked.TYPE, ConsentRevoked.VERSION);
        UUID subject = UUID.fromString(example.get("holderId").asText());
        UUID ended = UUID.fromString(
                example.get("revocations").get(0).get("revokedEntryId").asText());
        accepted.fromServer(
                ended,
                List.of(Map.of(
                        "type", "custom",
                        "subjectId", subject.toString(),
                        "url", "https://shop.example/checkout/done",
                        "clientTime", now.toString(),
                        "name", "order_placed")));
        Map<String, Object> event = Map.of(
                "id",
                UUID.randomUUID().toString(),
                "type",
                ConsentRevoked.TYPE,
                "version",
                ConsentRevoked.VERSION,
                "occurredAt",
                Instant.now().toString(),
                "payload",
                example);
        deliver(List.of(event)).statusCode(200).body("deleted", equalTo(1));
        assertThat(TestDatabase.count("SELECT count(*) FROM tracked_event WHERE subject_id = ?", subject))
                .isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM revoked_consent_entry WHERE entry_id = ?", ended))
                .isEqualTo(1);
    }

    @Test
    void aBatchDecidedUnderAnEntryRevokedMeanwhileIsDroppedNotStored() {
        UUID entry = UUID.randomUUID();
        deliver(List.of(revocation(UUID.randomUUID(), visitor, entry))).statusCode(200);
        // consent-service allowed under the entry before the revocation reached tracking-service: the store sees
        // the entry revoked, keeps nothing and counts the event as refused.
        long refusedBefore = refusedToday();
        List<?> notStored = accepted.fromSite(
                "site_demo", entry, List.of(event("page_view", visitor, session, "https://shop.example/late", now)));
        assertThat(notStored).hasSize(1);
        assertThat(storedOf(visitor)).isZero();
        assertThat(refusedToday()).isEqualTo(refusedBefore + 1);
    }

    private static long refusedToday() {
        return TestDatabase.count(
                "SELECT coalesce(sum(events), 0) FROM refused_event_count WHERE day = ? AND source = 'site_demo'",
                java.time.LocalDate.now(java.time.ZoneOffset.UTC));
    }

    @Test
    void anUnreadableVersionIsRefusedWith422AndNothingApplied() {
        UUID entry = UUID.randomUUID();
        accepted.fromSite(
                "site_demo", entry, List.of(event("page_view", visitor, session, "https://shop.example/a", now)));
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
