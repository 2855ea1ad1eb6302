package org.opencdp.profile.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.opencdp.profile.api.CustomerFixtures.CUSTOMERS;
import static org.opencdp.profile.api.CustomerFixtures.as;
import static org.opencdp.profile.api.CustomerFixtures.created;
import static org.opencdp.profile.api.CustomerFixtures.person;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencdp.profile.domain.StoredTimelineEntry;
import org.opencdp.profile.service.Timeline;
import org.opencdp.subjectrights.SubjectRestrictions;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithPostgres
class TimelineResourceTest {

    @Inject
    SubjectRestrictions restrictions;

    @Inject
    Timeline timeline;

    static String timelineOf(UUID customerId) {
        return CUSTOMERS + "/" + customerId + "/timeline";
    }

    static Map<String, Object> call(String occurredAt) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("channel", "CALL");
        entry.put("direction", "INBOUND");
        entry.put("occurredAt", occurredAt);
        entry.put("durationSeconds", 312);
        entry.put("summary", "Asked about the delivery date of order 4711");
        return entry;
    }

    static Map<String, Object> entry(String channel, String direction, String occurredAt) {
        Map<String, Object> entry = call(occurredAt);
        entry.put("channel", channel);
        entry.put("direction", direction);
        entry.remove("durationSeconds");
        return entry;
    }

    private static RequestSpecification asIntegration() {
        return given().auth().oauth2(TestTokens.serviceAccount("integrations")).contentType(ContentType.JSON);
    }

    private static Response record(String role, UUID customerId, Map<String, Object> entry) {
        return as(role).body(entry).when().post(timelineOf(customerId));
    }

    private static long entriesOf(UUID customerId) {
        return TestDatabase.count("SELECT count(*) FROM timeline_entry WHERE subject_id = ?", customerId);
    }

    @Test
    void anAgentRecordsACallAndItsContentIsStoredEncrypted() {
        UUID customer = created(person());

        record("service", customer, call("2026-11-26T14:03:00Z"))
                .then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("id", notNullValue())
                .body("customerId", equalTo(customer.toString()))
                .body("channel", equalTo("CALL"))
                .body("direction", equalTo("INBOUND"))
                .body("occurredAt", equalTo("2026-11-26T14:03:00Z"))
                .body("durationSeconds", equalTo(312))
                .body("agent", equalTo("service.user"))
                .body("source", equalTo("service.user"))
                .body("summary", equalTo("Asked about the delivery date of order 4711"))
                .body("businessLetter", equalTo(false));

        Map<String, Object> row = TestDatabase.rows(
                        "SELECT summary, agent FROM timeline_entry WHERE subject_id = ?", customer)
                .getFirst();
        assertThat(new String((byte[]) row.get("summary"), StandardCharsets.ISO_8859_1))
                .doesNotContain("delivery");
        assertThat(new String((byte[]) row.get("agent"), StandardCharsets.ISO_8859_1))
                .doesNotContain("service.user");
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action = 'timeline.write'",
                        customer))
                .isOne();
    }

    @Test
    void anIntegrationThatSendsTheSameReferenceTwiceGetsTheFirstEntryBackAndOneIsStored() {
        UUID customer = created(person());
        Map<String, Object> call = call("2026-11-26T14:03:00Z");
        call.put("externalReference", "sipgate-call-" + UUID.randomUUID());
        call.put("agent", "erika.service");

        String first = asIntegration()
                .body(call)
                .when()
                .post(timelineOf(customer))
                .then()
                .statusCode(201)
                .body("source", equalTo("integrations"))
                .body("agent", equalTo("erika.service"))
                .extract()
                .path("id");
        call.put("summary", "a retry with other content changes nothing");
        asIntegration()
                .body(call)
                .when()
                .post(timelineOf(customer))
                .then()
                .statusCode(200)
                .body("id", equalTo(first))
                .body("summary", equalTo("Asked about the delivery date of order 4711"));

        assertThat(entriesOf(customer)).isOne();
    }

    @Test
    void theSameReferenceOnAnotherCustomerIsAConflictAndAnotherSourceMayUseIt() {
        UUID customer = created(person());
        UUID other = created(person());
        Map<String, Object> call = call("2026-11-26T14:03:00Z");
        call.put("externalReference", "ticket-" + UUID.randomUUID());
        asIntegration().body(call).when().post(timelineOf(customer)).then().statusCode(201);

        asIntegration()
                .body(call)
                .when()
                .post(timelineOf(other))
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        record("sales", other, call).then().statusCode(201);

        assertThat(entriesOf(other)).isOne();
    }

    @Test
    void outboundEmailsAndLettersAreBusinessLettersUnlessTheWriterSaysOtherwise() {
        UUID customer = created(person());

        record("sales", customer, entry("EMAIL", "OUTBOUND", "2026-11-20T09:00:00Z"))
                .then()
                .body("businessLetter", equalTo(true));
        record("sales", customer, entry("LETTER", "OUTBOUND", "2026-11-20T09:00:00Z"))
                .then()
                .body("businessLetter", equalTo(true));
        record("sales", customer, entry("EMAIL", "INBOUND", "2026-11-20T09:00:00Z"))
                .then()
                .body("businessLetter", equalTo(false));
        Map<String, Object> notALetter = entry("LETTER", "OUTBOUND", "2026-11-20T09:00:00Z");
        notALetter.put("businessLetter", false);
        record("sales", customer, notALetter).then().body("businessLetter", equalTo(false));
        Map<String, Object> inboundOrder = entry("EMAIL", "INBOUND", "2026-11-20T09:00:00Z");
        inboundOrder.put("businessLetter", true);
        record("sales", customer, inboundOrder).then().body("businessLetter", equalTo(true));
    }

    @Test
    void theTimelineIsPagedNewestFirstAndFilteredByChannel() {
        UUID customer = created(person());
        Instant start = Instant.parse("2026-10-01T08:00:00Z");
        List<String> channels = List.of("CALL", "EMAIL", "NOTE", "CALL", "MEETING");
        for (int i = 0; i < channels.size(); i++) {
            record(
                            "sales",
                            customer,
                            entry(
                                    channels.get(i),
                                    "INTERNAL",
                                    start.plus(i, ChronoUnit.DAYS).toString()))
                    .then()
                    .statusCode(201);
        }

        String next = as("service")
                .queryParam("limit", 2)
                .when()
                .get(timelineOf(customer))
                .then()
                .statusCode(200)
                .body("items.channel", contains("MEETING", "CALL"))
                .body("items[0].occurredAt", equalTo("2026-10-05T08:00:00Z"))
                .extract()
                .path("next");
        next = as("service")
                .queryParam("limit", 2)
                .queryParam("cursor", next)
                .when()
                .get(timelineOf(customer))
                .then()
                .body("items.channel", contains("NOTE", "EMAIL"))
                .extract()
                .path("next");
        as("service")
                .queryParam("limit", 2)
                .queryParam("cursor", next)
                .when()
                .get(timelineOf(customer))
                .then()
                .body("items.channel", contains("CALL"))
                .body("next", nullValue());

        as("dpo")
                .queryParam("channel", "CALL")
                .queryParam("channel", "NOTE")
                .when()
                .get(timelineOf(customer))
                .then()
                .statusCode(200)
                .body(
                        "items.occurredAt",
                        contains("2026-10-04T08:00:00Z", "2026-10-03T08:00:00Z", "2026-10-01T08:00:00Z"));
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action = 'timeline.read'", customer))
                .isEqualTo(4);
    }

    @Test
    void anUnknownChannelOrCursorIsA400NamingTheParameter() {
        UUID customer = created(person());
        as("sales")
                .queryParam("channel", "FAX")
                .when()
                .get(timelineOf(customer))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("channel"));
        as("sales")
                .queryParam("cursor", org.opencdp.requestparameters.RequestParameters.cursorOf(UUID.randomUUID()))
                .when()
                .get(timelineOf(customer))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"direction\":\"INBOUND\",\"occurredAt\":\"2026-11-26T14:03:00Z\"}",
                "{\"channel\":\"FAX\",\"direction\":\"INBOUND\",\"occurredAt\":\"2026-11-26T14:03:00Z\"}",
                "{\"channel\":\"FEEDBACK\",\"direction\":\"INBOUND\",\"occurredAt\":\"2026-11-26T14:03:00Z\"}",
                "{\"channel\":\"CALL\",\"direction\":\"INBOUND\"}",
                "{\"channel\":\"CALL\",\"direction\":\"INBOUND\",\"occurredAt\":\"2999-01-01T00:00:00Z\"}",
                "{\"channel\":\"CALL\",\"direction\":\"INBOUND\",\"occurredAt\":\"2026-11-26T14:03:00Z\",\"durationSeconds\":-1}",
                "{\"channel\":\"CALL\",\"direction\":\"INBOUND\",\"occurredAt\":\"2026-11-26T14:03:00Z\",\"recordedAt\":\"2026-11-26T14:03:00Z\"}",
                "{\"channel\":\"NOTE\",\"direction\":\"INTERNAL\",\"occurredAt\":\"2026-11-26T14:03:00Z\",\"summary\":\"IBAN DE89 3704 0044 0532 0130 00\"}",
                "{\"channel\":\"NOTE\",\"direction\":\"INTERNAL\",\"occurredAt\":\"2026-11-26T14:03:00Z\",\"summary\":\"\"}",
                "{\"channel\":\"NOTE\",",
                ""
            })
    void badInputIsA400ProblemAndNothingIsStored(String body) {
        UUID customer = created(person());
        as("sales")
                .body(body)
                .when()
                .post(timelineOf(customer))
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertThat(entriesOf(customer)).isZero();
    }

    @Test
    void anUnknownCustomerIs404AndARestrictedOneIs409ForReadsAndWrites() {
        UUID unknown = UUID.randomUUID();
        record("sales", unknown, call("2026-11-26T14:03:00Z")).then().statusCode(404);
        as("sales").when().get(timelineOf(unknown)).then().statusCode(404);

        UUID customer = created(person());
        restrictions.restrict(
                customer,
                SubjectRestrictions.Basis.ART18_REQUEST,
                UUID.randomUUID(),
                LocalDate.now().plusDays(30));
        record("sales", customer, call("2026-11-26T14:03:00Z"))
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        as("service").when().get(timelineOf(customer)).then().statusCode(409);
        assertThat(entriesOf(customer)).isZero();
    }

    @Test
    void withoutATokenBoth401() {
        UUID customer = created(person());
        given().contentType(ContentType.JSON)
                .body(call("2026-11-26T14:03:00Z"))
                .when()
                .post(timelineOf(customer))
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().when().get(timelineOf(customer)).then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"marketing", "analyst", "dpo", "admin"})
    void rolesThatDoNotServeCustomersMayNotWrite(String role) {
        UUID customer = created(person());
        record(role, customer, call("2026-11-26T14:03:00Z"))
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        assertThat(entriesOf(customer)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"marketing", "analyst", "admin"})
    void marketingAnalystAndAdminMayNotRead(String role) {
        UUID customer = created(person());
        as(role).when().get(timelineOf(customer)).then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void otherServicesMayNeitherWriteNorRead() {
        UUID customer = created(person());
        given().auth()
                .oauth2(TestTokens.serviceAccount("retention-service"))
                .contentType(ContentType.JSON)
                .body(call("2026-11-26T14:03:00Z"))
                .when()
                .post(timelineOf(customer))
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.serviceAccount("integrations"))
                .when()
                .get(timelineOf(customer))
                .then()
                .statusCode(403);
    }

    @Test
    void aDeletionBySalesTakesTheWholeTimelineWithIt() {
        UUID customer = created(person());
        record("sales", customer, entry("LETTER", "OUTBOUND", "2026-11-20T09:00:00Z"))
                .then()
                .statusCode(201);
        record("sales", customer, call("2026-11-26T14:03:00Z")).then().statusCode(201);

        as("sales")
                .header("If-Match", "\"0\"")
                .when()
                .delete(CUSTOMERS + "/" + customer)
                .then()
                .statusCode(204);

        assertThat(entriesOf(customer)).isZero();
        as("sales").when().get(timelineOf(customer)).then().statusCode(404);
    }

    @Test
    void pagesHaveAtMost100Entries() {
        UUID customer = created(person());
        as("sales")
                .queryParam("limit", 101)
                .when()
                .get(timelineOf(customer))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        as("sales").when().get(timelineOf(customer)).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void theLatestEntriesForThe360DegreeViewAreTheNewestAndTheirReadIsAudited() {
        UUID customer = created(person());
        for (String day : List.of("2026-10-01", "2026-10-03", "2026-10-02")) {
            record("sales", customer, entry("NOTE", "INTERNAL", day + "T08:00:00Z"))
                    .then()
                    .statusCode(201);
        }
        // The 360° view calls the service inside its own request; here a request context stands in for it.
        Arc.container().requestContext().activate();
        List<StoredTimelineEntry> latest;
        try {
            latest = timeline.latest(customer, 2, "GET /api/v1/customers/{id}/360");
        } finally {
            Arc.container().requestContext().terminate();
        }

        assertThat(latest)
                .extracting(e -> e.occurredAt().toString())
                .containsExactly("2026-10-03T08:00:00Z", "2026-10-02T08:00:00Z");
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action = 'timeline.read'", customer))
                .isOne();
    }
}
