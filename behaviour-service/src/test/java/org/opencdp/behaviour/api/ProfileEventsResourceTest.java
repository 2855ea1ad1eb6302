package org.opencdp.behaviour.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencdp.events.EventContracts;
import org.opencdp.events.profile.CustomerDeleted;
import org.opencdp.events.profile.ProfileChanged;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@WithPostgres
public class ProfileEventsResourceTest {

    /** A profile.changed event of a person, as profile-service's relay delivers it. */
    public static Map<String, Object> changed(UUID subject, String ageBand, String country, String region) {
        return event(
                ProfileChanged.TYPE,
                subject,
                Instant.now(),
                Map.of(
                        "subjectId",
                        subject.toString(),
                        "kind",
                        "PERSON",
                        "ageBand",
                        ageBand,
                        "country",
                        country,
                        "postcodeRegion",
                        region,
                        "language",
                        "de"));
    }

    static Map<String, Object> event(String type, UUID subject, Instant at, Map<String, Object> payload) {
        return event(type, 1, subject, at, payload);
    }

    static Map<String, Object> event(String type, int version, UUID subject, Instant at, Object payload) {
        return Map.of(
                "id",
                UUID.randomUUID().toString(),
                "type",
                type,
                "version",
                version,
                "subjectId",
                subject.toString(),
                "occurredAt",
                at.toString(),
                "payload",
                payload);
    }

    public static Response deliver(Object... events) {
        return given().auth()
                .oauth2(TestTokens.serviceAccount("profile-service"))
                .contentType(ContentType.JSON)
                .body(List.of(events))
                .when()
                .post("/api/v1/events/profile");
    }

    private static Map<String, Object> stored(UUID subject) {
        List<Map<String, Object>> rows =
                TestDatabase.rows("SELECT * FROM customer_attributes WHERE subject_id = ?", subject);
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Test
    void aProfileChangeIsStoredAsSegmentAttributes() {
        UUID subject = UUID.randomUUID();
        deliver(changed(subject, "25-34", "DE", "51"))
                .then()
                .statusCode(200)
                .body("received", equalTo(1))
                .body("applied", equalTo(1));
        assertThat(stored(subject))
                .containsEntry("age_band", "25-34")
                .containsEntry("country", "DE")
                .containsEntry("postcode_region", "51")
                .containsEntry("kind", "PERSON");
    }

    /**
     * The contract's example, delivered as profile-service's relay sends it, is applied field by field. Every field
     * of the contract must be mapped here: a field added to or renamed in the contract fails this test until
     * behaviour-service has decided what to keep of it.
     */
    @Test
    void theContractExampleOfProfileChangedIsAppliedFieldByField() {
        UUID subject = UUID.randomUUID();
        ObjectNode example = EventContracts.example(ProfileChanged.TYPE, ProfileChanged.VERSION)
                .deepCopy();
        example.put("subjectId", subject.toString());
        Map<String, String> columnOfField = Map.of(
                "kind",
                "kind",
                "ageBand",
                "age_band",
                "country",
                "country",
                "postcodeRegion",
                "postcode_region",
                "language",
                "language",
                "industryCode",
                "industry_code",
                "companySize",
                "company_size");
        Set<String> fields = new TreeSet<>();
        example.fieldNames().forEachRemaining(fields::add);
        Set<String> mapped = new TreeSet<>(columnOfField.keySet());
        mapped.add("subjectId");
        assertThat(fields).as("the fields of the contract").isEqualTo(mapped);

        deliver(event(ProfileChanged.TYPE, ProfileChanged.VERSION, subject, Instant.now(), example))
                .then()
                .statusCode(200)
                .body("applied", equalTo(1));

        Map<String, Object> stored = stored(subject);
        columnOfField.forEach((field, column) -> assertThat(stored)
                .as(field)
                .containsEntry(column, example.get(field).asText()));
    }

    @Test
    void theContractExampleOfCustomerDeletedRemovesTheAttributes() {
        UUID subject = UUID.randomUUID();
        ObjectNode example = EventContracts.example(CustomerDeleted.TYPE, CustomerDeleted.VERSION)
                .deepCopy();
        example.put("subjectId", subject.toString());
        deliver(changed(subject, "25-34", "DE", "51")).then().statusCode(200);

        deliver(event(CustomerDeleted.TYPE, CustomerDeleted.VERSION, subject, Instant.now(), example))
                .then()
                .statusCode(200)
                .body("applied", equalTo(1));

        assertThat(stored(subject)).isNull();
    }

    @Test
    void aVersionThisServiceCannotReadIsRefusedAndNothingOfTheBatchIsApplied() {
        UUID subject = UUID.randomUUID();
        deliver(
                        changed(subject, "25-34", "DE", "51"),
                        event(
                                ProfileChanged.TYPE,
                                ProfileChanged.VERSION + 1,
                                subject,
                                Instant.now(),
                                Map.of("kind", "PERSON")))
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        assertThat(stored(subject)).isNull();
    }

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() {
        UUID subject = UUID.randomUUID();
        Map<String, Object> event = changed(subject, "25-34", "DE", "51");
        deliver(event).then().statusCode(200).body("applied", equalTo(1));
        deliver(event).then().statusCode(200).body("applied", equalTo(0));
        assertThat(TestDatabase.count("SELECT count(*) FROM customer_attributes WHERE subject_id = ?", subject))
                .isOne();
    }

    @Test
    void anOlderChangeArrivingLateDoesNotOverwriteANewerOne() {
        UUID subject = UUID.randomUUID();
        Instant now = Instant.now();
        deliver(event("profile.changed", subject, now, Map.of("kind", "PERSON", "ageBand", "35-44")))
                .then()
                .statusCode(200);
        deliver(event("profile.changed", subject, now.minusSeconds(60), Map.of("kind", "PERSON", "ageBand", "25-34")))
                .then()
                .statusCode(200)
                .body("applied", equalTo(0));
        assertThat(stored(subject)).containsEntry("age_band", "35-44");
    }

    @Test
    void aDeletedCustomerIsRemovedAndNotBroughtBackByALateChange() {
        UUID subject = UUID.randomUUID();
        Instant now = Instant.now();
        deliver(event("profile.changed", subject, now.minusSeconds(10), Map.of("kind", "PERSON")))
                .then()
                .statusCode(200);
        deliver(event("customer.deleted", subject, now, Map.of("subjectId", subject.toString())))
                .then()
                .statusCode(200);
        assertThat(stored(subject)).isNull();
        deliver(event("profile.changed", subject, now.minusSeconds(5), Map.of("kind", "PERSON")))
                .then()
                .statusCode(200)
                .body("applied", equalTo(0));
        assertThat(stored(subject)).isNull();
    }

    @Test
    void onlyProfileServiceMayDeliver() {
        UUID subject = UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body(List.of(changed(subject, "25-34", "DE", "51")))
                .when()
                .post("/api/v1/events/profile")
                .then()
                .statusCode(401);
        for (String token : List.of(
                TestTokens.forRole("sales"),
                TestTokens.forRole("admin"),
                TestTokens.serviceAccount("retention-service"),
                TestTokens.serviceAccount("tracking-service"))) {
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(List.of(changed(subject, "25-34", "DE", "51")))
                    .when()
                    .post("/api/v1/events/profile")
                    .then()
                    .statusCode(403);
        }
        assertThat(stored(subject)).isNull();
    }

    @Test
    void aMalformedBatchIsA400ProblemAndAppliesNothing() {
        given().auth()
                .oauth2(TestTokens.serviceAccount("profile-service"))
                .contentType(ContentType.JSON)
                .body("[{\"id\": 42,}]")
                .when()
                .post("/api/v1/events/profile")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
