package org.opencdp.tracking.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;
import org.opencdp.tracking.AcceptedEvents;

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
