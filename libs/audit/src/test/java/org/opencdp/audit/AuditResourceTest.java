package org.opencdp.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencdp.caller.Caller;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithPostgres
class AuditResourceTest {

    private static final String TRAIL = "/api/v1/audit/subjects/";

    @Inject
    AuditTrail trail;

    @Test
    void theDpoSeesTheEntriesOldestFirstPagedWithTheCursorAndEachOfTheirReadsInTheNext() {
        UUID subject = UUID.randomUUID();
        trail.recordAs("jane", Caller.Kind.USER, subject, "customer.create", "POST /api/v1/customers");
        trail.recordAs("jane", Caller.Kind.USER, subject, "customer.read", "GET /api/v1/customers/{id}");
        trail.recordAs(
                "retention-service", Caller.Kind.SERVICE, subject, "subject.export", "GDPR Art. 15/20 access request");
        List<Long> ids = AuditRows.idsOf(subject);
        String dpo = TestTokens.forRole("dpo");

        JsonPath first = given().auth()
                .oauth2(dpo)
                .queryParam("limit", 2)
                .when()
                .get(TRAIL + subject)
                .then()
                .statusCode(200)
                .body("subjectId", equalTo(subject.toString()))
                .body("chainIntact", equalTo(true))
                .body("firstBrokenEntryId", nullValue())
                .body("entries.action", contains("customer.create", "customer.read"))
                .body("entries[0].actor", equalTo("jane"))
                .body("entries[0].actorKind", equalTo("USER"))
                .body("entries[0].purpose", equalTo("POST /api/v1/customers"))
                .body("entries[0].occurredAt", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"))
                .body("next", equalTo(ids.get(1).toString()))
                .extract()
                .jsonPath();

        // The first read was recorded after its page, so it is the last entry of the second page.
        JsonPath second = given().auth()
                .oauth2(dpo)
                .queryParam("limit", 2)
                .queryParam("after", first.getString("next"))
                .when()
                .get(TRAIL + subject)
                .then()
                .statusCode(200)
                .body("entries.action", contains("subject.export", "audit-trail.read"))
                .body("entries[1].actor", equalTo("dpo.user"))
                .body("entries[1].actorKind", equalTo("USER"))
                .body("entries[1].purpose", equalTo("GET /api/v1/audit/subjects/{subjectId}"))
                .body("next", nullValue())
                .extract()
                .jsonPath();

        given().auth()
                .oauth2(dpo)
                .queryParam("after", second.getLong("entries[1].id"))
                .when()
                .get(TRAIL + subject)
                .then()
                .statusCode(200)
                .body("entries.action", contains("audit-trail.read"))
                .body("chainIntact", equalTo(true));
    }

    @Test
    void withoutALimitAPageHoldsFiftyEntries() {
        UUID subject = UUID.randomUUID();
        for (int i = 0; i < 51; i++) {
            trail.recordAs("jane", Caller.Kind.USER, subject, "customer.read", "GET /api/v1/customers/{id}");
        }

        given().auth()
                .oauth2(TestTokens.forRole("dpo"))
                .when()
                .get(TRAIL + subject)
                .then()
                .statusCode(200)
                .body("entries", hasSize(50))
                .body("next", equalTo(AuditRows.idsOf(subject).get(49).toString()));
    }

    @Test
    void aSubjectWithoutEntriesHasAnEmptyIntactTrail() {
        given().auth()
                .oauth2(TestTokens.forRole("dpo"))
                .when()
                .get(TRAIL + UUID.randomUUID())
                .then()
                .statusCode(200)
                .body("entries", empty())
                .body("chainIntact", equalTo(true))
                .body("next", nullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"201", "0", "-1", "fifty"})
    void aLimitOutsideOneToTwoHundredIsA400ProblemNamingLimitAndTheReadIsNotRecorded(String limit) {
        UUID subject = UUID.randomUUID();

        given().auth()
                .oauth2(TestTokens.forRole("dpo"))
                .queryParam("limit", limit)
                .when()
                .get(TRAIL + subject)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:opencdp:problem:validation"))
                .body("errors[0].field", equalTo("limit"))
                .body("errors[0].message", equalTo("must be a whole number from 1 to 200"));

        assertThat(AuditRows.countOf(subject)).isZero();
    }

    @Test
    void aSubjectIdThatIsNotAUuidIsA400ProblemNamingIt() {
        given().auth()
                .oauth2(TestTokens.forRole("dpo"))
                .when()
                .get(TRAIL + "jane.doe@example.org")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("subjectId"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-5", "1.5"})
    void aCursorThisApiDidNotReturnIsA400ProblemNamingAfter(String after) {
        given().auth()
                .oauth2(TestTokens.forRole("dpo"))
                .queryParam("after", after)
                .when()
                .get(TRAIL + UUID.randomUUID())
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("after"));
    }

    @Test
    void withoutATokenTheTrailIsA401() {
        UUID subject = UUID.randomUUID();

        given().when().get(TRAIL + subject).then().statusCode(401).contentType("application/problem+json");

        assertThat(AuditRows.countOf(subject)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sales", "service", "marketing", "analyst", "admin"})
    void everyRoleButTheDpoGets403(String role) {
        UUID subject = UUID.randomUUID();

        given().auth()
                .oauth2(TestTokens.forRole(role))
                .when()
                .get(TRAIL + subject)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");

        assertThat(AuditRows.countOf(subject)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"retention-service", "profile-service"})
    void serviceAccountsGet403EvenRetentionService(String clientId) {
        given().auth()
                .oauth2(TestTokens.serviceAccount(clientId))
                .when()
                .get(TRAIL + UUID.randomUUID())
                .then()
                .statusCode(403);
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpointWithEveryStatusAndAnExample() {
        JsonPath openapi = given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> operation = openapi.getMap("paths.'/api/v1/audit/subjects/{subjectId}'.get");

        assertThat(operation).containsKey("summary");
        assertThat(openapi.getMap("paths.'/api/v1/audit/subjects/{subjectId}'.get.responses"))
                .containsOnlyKeys("200", "400", "401", "403");
        assertThat(operation).doesNotContainKey("x-opencdp-never-404");
        assertThat(
                        openapi.getString(
                                "paths.'/api/v1/audit/subjects/{subjectId}'.get.responses.'200'.content.'application/json'.examples.intact.value"))
                .contains("chainIntact");
    }
}
