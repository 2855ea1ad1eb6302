package org.opencdp.tracking.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;
import org.opencdp.tracking.AcceptedEvents;
import org.opencdp.tracking.domain.EventResult;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithPostgres
class ServerEventsResourceTest {

    private static final String EVENTS = "/api/v1/events";

    @Inject
    AcceptedEvents accepted;

    @Test
    void aServerEventAllowedByConsentIsStoredMinimisedWithItsLedgerEntry() {
        UUID subject = UUID.randomUUID();
        UUID entry = UUID.randomUUID();
        Map<String, Object> order = Map.of(
                "type",
                "custom",
                "subjectId",
                subject.toString(),
                "url",
                "https://shop.example/checkout/done?name=Jane",
                "clientTime",
                Instant.now().toString(),
                "name",
                "order_placed",
                "properties",
                Map.of("items", 3, "express", true));
        accepted.fromServer(entry, List.of(order));
        Map<String, Object> row = TestDatabase.rows(
                        "SELECT consent_entry_id, url, name, properties::text AS properties, visitor_id, site_key "
                                + "FROM tracked_event WHERE subject_id = ?",
                        subject)
                .getFirst();
        assertThat(row.get("consent_entry_id")).isEqualTo(entry);
        assertThat(row.get("url")).isEqualTo("https://shop.example/checkout/done");
        assertThat(row.get("name")).isEqualTo("order_placed");
        assertThat((String) row.get("properties")).contains("\"items\": 3").contains("\"express\": true");
        assertThat(row.get("visitor_id")).isNull();
        assertThat(row.get("site_key")).isNull();
    }

    @Test
    void whileASubjectIsRestrictedItsEventsAndThoseOfItsLinkedVisitorsAreDroppedUntilLifted() {
        UUID subject = UUID.randomUUID();
        String visitor = Batches.newId();
        given().auth()
                .oauth2(TestTokens.shop("shop-backend"))
                .contentType(ContentType.JSON)
                .body(Map.of("subjectId", subject.toString()))
                .when()
                .post("/api/v1/visitors/" + visitor + "/subject")
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(TestTokens.serviceAccount("retention-service"))
                .contentType(ContentType.JSON)
                .body(Map.of("requestId", UUID.randomUUID().toString()))
                .when()
                .post("/api/v1/subject-rights/" + subject + "/restriction")
                .then()
                .statusCode(200)
                .body("restricted", equalTo(true));

        UUID entry = UUID.randomUUID();
        Map<String, Object> ofSubject = Map.of(
                "type", "custom",
                "subjectId", subject.toString(),
                "url", "https://shop.example/checkout/done",
                "clientTime", Instant.now().toString(),
                "name", "order_placed");
        Map<String, Object> ofVisitor =
                Batches.event("page_view", visitor, Batches.newId(), "https://shop.example/", Instant.now());
        Map<String, Object> ofSomeoneElse = Map.of(
                "type", "custom",
                "subjectId", UUID.randomUUID().toString(),
                "url", "https://shop.example/checkout/done",
                "clientTime", Instant.now().toString(),
                "name", "order_placed");
        assertThat(accepted.fromServer(entry, List.of(ofSubject, ofVisitor, ofSomeoneElse)))
                .containsExactly(EventResult.RESTRICTED_RESULT, EventResult.RESTRICTED_RESULT);
        assertThat(accepted.fromSite("site_demo", entry, List.of(ofVisitor)))
                .containsExactly(EventResult.RESTRICTED_RESULT);
        assertThat(storedOf(subject, visitor)).isZero();

        given().auth()
                .oauth2(TestTokens.serviceAccount("retention-service"))
                .queryParam("requestId", UUID.randomUUID().toString())
                .when()
                .delete("/api/v1/subject-rights/" + subject + "/restriction")
                .then()
                .statusCode(200)
                .body("restricted", equalTo(false));
        assertThat(accepted.fromServer(entry, List.of(ofSubject, ofVisitor))).isEmpty();
        assertThat(storedOf(subject, visitor)).isEqualTo(2);
    }

    private static long storedOf(UUID subject, String visitor) {
        return TestDatabase.count(
                "SELECT count(*) FROM tracked_event WHERE subject_id = ? OR visitor_id = ?", subject, visitor);
    }

    @Test
    void anEventWithNeitherVisitorNorSubjectIsRejected() {
        given().auth()
                .oauth2(TestTokens.shop("shop-backend"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "events",
                        List.of(Map.of(
                                "type", "page_view",
                                "url", "https://shop.example/",
                                "clientTime", Instant.now().toString()))))
                .when()
                .post(EVENTS)
                .then()
                .statusCode(200)
                .body("rejected", equalTo(1))
                .body("results[0].reason", equalTo("visitorId: must be 32 lowercase hex characters"));
    }

    @Test
    void aBodyThatIsNotJsonIsA400ProblemAndOneOfAnotherMediaTypeA415() {
        given().auth()
                .oauth2(TestTokens.shop("shop-backend"))
                .contentType(ContentType.JSON)
                .body("{\"events\": [{\"type\":")
                .when()
                .post(EVENTS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:opencdp:problem:malformed-json"));
        given().auth()
                .oauth2(TestTokens.shop("shop-backend"))
                .contentType(ContentType.TEXT)
                .body("{\"events\":[]}")
                .when()
                .post(EVENTS)
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void aLargeBatchWithoutTheShopsRoleIsRefusedAndNothingIsStored() {
        // Read whole on the event loop before the endpoint runs; the role check still decides.
        UUID subject = UUID.randomUUID();
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            events.add(Map.of(
                    "type",
                    "page_view",
                    "subjectId",
                    subject.toString(),
                    "url",
                    "https://shop.example/tents/" + "t".repeat(200) + i,
                    "clientTime",
                    Instant.now().plusMillis(i).toString()));
        }
        Map<String, Object> body = Map.of("events", events);
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(EVENTS)
                .then()
                .statusCode(401);
        given().auth()
                .oauth2("not-a-token")
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(EVENTS)
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.forRole("sales"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(EVENTS)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        assertThat(TestDatabase.count("SELECT count(*) FROM tracked_event WHERE subject_id = ?", subject))
                .isZero();
    }

    @Test
    void onlyShopsPostServerEvents() {
        String body = "{\"events\":[]}";
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(EVENTS)
                .then()
                .statusCode(401);
        for (String token : List.of(
                TestTokens.forRole("sales"),
                TestTokens.forRole("admin"),
                TestTokens.serviceAccount("profile-service"))) {
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post(EVENTS)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
    }
}
