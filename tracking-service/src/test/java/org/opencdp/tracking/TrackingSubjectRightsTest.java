package org.opencdp.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.opencdp.subjectrights.testkit.SubjectRightsContractTest;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * A subject with data: a visitor who browsed the demo shop with consent and was then identified as the subject,
 * and a server event of the subject itself (both stored below the consent gate, {@link AcceptedEvents}). Both are exported and erased, and so is the link.
 */
@QuarkusTest
class TrackingSubjectRightsTest extends SubjectRightsContractTest {

    @Inject
    AcceptedEvents accepted;

    /** The visitor linked to each subject given here. */
    private final Map<UUID, String> visitors = new java.util.HashMap<>();

    @Override
    protected UUID givenASubjectWithData() {
        UUID subject = UUID.randomUUID();
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        String visitor = HexFormat.of().formatHex(random);
        accepted.fromSite(
                "site_demo",
                UUID.randomUUID(),
                List.of(Map.of(
                        "type",
                        "page_view",
                        "visitorId",
                        visitor,
                        "sessionId",
                        visitor,
                        "url",
                        "https://shop.example/tents",
                        "clientTime",
                        Instant.now().toString())));
        RestAssured.given()
                .auth()
                .oauth2(TestTokens.shop("shop-backend"))
                .contentType(ContentType.JSON)
                .body(Map.of("subjectId", subject.toString()))
                .when()
                .post("/api/v1/visitors/" + visitor + "/subject")
                .then()
                .statusCode(204);
        accepted.fromServer(
                UUID.randomUUID(),
                List.of(Map.of(
                        "type", "custom",
                        "subjectId", subject.toString(),
                        "url", "https://shop.example/checkout/done",
                        "clientTime", Instant.now().toString(),
                        "name", "order_placed")));
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM tracked_event WHERE subject_id = ? OR visitor_id = ?", subject, visitor))
                .isEqualTo(2);
        visitors.put(subject, visitor);
        return subject;
    }

    @Override
    protected void assertNothingLeftAfterErasure(UUID subjectId) {
        assertThat(TestDatabase.count("SELECT count(*) FROM tracked_event WHERE subject_id = ?", subjectId))
                .isZero();
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM tracked_event WHERE visitor_id = ?", visitors.get(subjectId)))
                .isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM visitor_subject WHERE subject_id = ?", subjectId))
                .isZero();
    }
}
