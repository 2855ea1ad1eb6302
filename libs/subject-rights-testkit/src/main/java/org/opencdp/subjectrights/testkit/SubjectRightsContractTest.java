package org.opencdp.subjectrights.testkit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencdp.subjectrights.RetentionCategories;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Checks a service against the subject-rights contract. A service's test extends it, is annotated
 * {@code @QuarkusTest}, and says how to give a subject some data:
 *
 * <pre>{@code
 * @QuarkusTest
 * class ProfileSubjectRightsTest extends SubjectRightsContractTest {
 *     protected UUID givenASubjectWithData() { ...create a customer through the API, return its id... }
 * }
 * }</pre>
 *
 * A service that holds no data on subjects yet returns a subject without data from {@link #givenASubjectWithData()}
 * and overrides {@link #holdsPersonalData()} with false. The contract is kept in the service's database, so the
 * class declares {@link WithPostgres} for every service's test.
 */
@WithPostgres
public abstract class SubjectRightsContractTest {

    protected static final String BASE = "/api/v1/subject-rights";

    /** Creates a subject with data in every category the service can hold, through its own API where possible. */
    protected abstract UUID givenASubjectWithData();

    /** Whether {@link #givenASubjectWithData()} really stores data (false for a service without subject data yet). */
    protected boolean holdsPersonalData() {
        return true;
    }

    /** Extra checks after an erasure, e.g. that derived tables hold nothing on the subject any more. */
    protected void assertNothingLeftAfterErasure(UUID subjectId) {}

    private static RequestSpecification asRetentionService() {
        return given().auth()
                .oauth2(TestTokens.serviceAccount("retention-service"))
                .contentType(ContentType.JSON);
    }

    private static Map<String, String> request(UUID requestId) {
        return Map.of("requestId", requestId.toString());
    }

    @Test
    void capabilitiesDeclareTheContractVersionAndEveryCategoryWithItsLegalBasis() {
        JsonPath capabilities = asRetentionService()
                .when()
                .get(BASE)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(capabilities.getString("contractVersion")).isEqualTo("1");
        assertThat(capabilities.getString("service")).isNotBlank();
        assertThat(capabilities.getList("rights", String.class)).contains("EXPORT", "ERASURE", "RESTRICTION");
        List<Map<String, String>> categories = capabilities.getList("categories");
        if (holdsPersonalData()) {
            assertThat(categories).isNotEmpty();
        }
        assertThat(categories).allSatisfy(category -> {
            assertThat(category.get("name")).isNotBlank();
            assertThat(category.get("legalBasis")).isNotBlank();
            assertThat(category.get("retention")).isNotBlank();
        });
    }

    /**
     * The record of processing (retention-service, GDPR Art. 30) is generated from these declarations: each category
     * names its purposes and whom it is about, and a retention policy that exists. retention-service ships a policy
     * for every id of {@link RetentionCategories#ALL} (its own tests compare the two), so a category naming another
     * id fails here, in the service that declares it.
     */
    @Test
    void everyCategoryNamesItsPurposesItsSubjectsAndARetentionPolicyThatExists() {
        JsonPath capabilities = asRetentionService()
                .when()
                .get(BASE)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> categories = capabilities.getList("categories");
        assertThat(categories).allSatisfy(category -> {
            assertThat((List<?>) category.get("purposes"))
                    .as("purposes of %s", category.get("name"))
                    .isNotEmpty();
            assertThat((List<?>) category.get("subjectCategories"))
                    .as("subject categories of %s", category.get("name"))
                    .isNotEmpty();
            Object retention = category.get("retentionCategory");
            if (retention != null) {
                assertThat(RetentionCategories.ALL)
                        .as("retention policies shipped by retention-service")
                        .contains((String) retention);
            }
        });
    }

    @Test
    void onlyTheRetentionServiceMayExportEraseOrRestrict() {
        UUID subject = UUID.randomUUID();
        given().when().get(BASE + "/" + subject).then().statusCode(401);
        for (String role : List.of("sales", "service", "marketing", "analyst", "dpo", "admin")) {
            given().auth()
                    .oauth2(TestTokens.forRole(role))
                    .when()
                    .get(BASE + "/" + subject)
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(TestTokens.forRole(role))
                    .contentType(ContentType.JSON)
                    .body(request(UUID.randomUUID()))
                    .when()
                    .post(BASE + "/" + subject + "/erasure")
                    .then()
                    .statusCode(403);
        }
        for (String otherService :
                List.of("profile-service", "behaviour-service", "tracking-service", "consent-service")) {
            given().auth()
                    .oauth2(TestTokens.serviceAccount(otherService))
                    .contentType(ContentType.JSON)
                    .body(request(UUID.randomUUID()))
                    .when()
                    .post(BASE + "/" + subject + "/erasure")
                    .then()
                    .statusCode(403);
        }
    }

    @Test
    void exportReturnsEverythingHeldOnTheSubjectAsJson() {
        UUID subject = givenASubjectWithData();
        JsonPath export = asRetentionService()
                .when()
                .get(BASE + "/" + subject)
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("subjectId", equalTo(subject.toString()))
                .body("exportedAt", notNullValue())
                .extract()
                .jsonPath();
        List<String> declared = asRetentionService()
                .when()
                .get(BASE)
                .then()
                .extract()
                .jsonPath()
                .getList("categories.name");
        List<String> exported = export.getList("categories.category");
        assertThat(exported).containsExactlyInAnyOrderElementsOf(declared);
        if (holdsPersonalData()) {
            assertThat(export.getList("categories.records", Integer.class))
                    .anySatisfy(n -> assertThat(n).isPositive());
        }
    }

    @Test
    void anUnknownSubjectGetsAnEmptyExportNotAnError() {
        asRetentionService()
                .when()
                .get(BASE + "/" + UUID.randomUUID())
                .then()
                .statusCode(200)
                .body("categories.records", everyItem(equalTo(0)));
    }

    @Test
    void aSubjectIdThatIsNotAUuidIsA400ProblemNamingIt() {
        asRetentionService()
                .when()
                .get(BASE + "/not-a-uuid")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("subjectId"));
    }

    @Test
    void erasureWithoutARequestIdIsRefusedAndErasesNothing() {
        UUID subject = givenASubjectWithData();
        String before = asRetentionService()
                .when()
                .get(BASE + "/" + subject)
                .then()
                .extract()
                .asString();
        asRetentionService()
                .body("{}")
                .when()
                .post(BASE + "/" + subject + "/erasure")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("requestId"));
        String after = asRetentionService()
                .when()
                .get(BASE + "/" + subject)
                .then()
                .extract()
                .asString();
        assertThat(JsonPath.from(after).getList("categories"))
                .isEqualTo(JsonPath.from(before).getList("categories"));
    }

    @Test
    void erasureDeletesEverythingButWhatALawRequiresAndSaysSoPerCategory() {
        UUID subject = givenASubjectWithData();
        UUID requestId = UUID.randomUUID();
        JsonPath receipt = asRetentionService()
                .body(request(requestId))
                .when()
                .post(BASE + "/" + subject + "/erasure")
                .then()
                .statusCode(200)
                .body("action", equalTo("ERASURE"))
                .body("requestId", equalTo(requestId.toString()))
                .body("categories.category", hasItem("subject-key"))
                .extract()
                .jsonPath();
        List<Map<String, Object>> outcomes = receipt.getList("categories");
        List<String> held = outcomes.stream()
                .filter(o -> ((Number) o.get("keptUnderLegalHold")).longValue() > 0)
                .map(o -> (String) o.get("category"))
                .toList();
        outcomes.stream()
                .filter(o -> held.contains(o.get("category")))
                .forEach(o -> assertThat(o.get("keptUntil"))
                        .as("a kept category says until when")
                        .isNotNull());
        if (holdsPersonalData()) {
            assertThat(outcomes)
                    .anySatisfy(o ->
                            assertThat(((Number) o.get("erased")).longValue()).isPositive());
        }

        JsonPath export = asRetentionService()
                .when()
                .get(BASE + "/" + subject)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> categories = export.getList("categories");
        categories.stream()
                .filter(c -> !held.contains(c.get("category")))
                .forEach(c -> assertThat(((Number) c.get("records")).longValue())
                        .as("records left in %s", c.get("category"))
                        .isZero());
        assertThat(export.getBoolean("restricted")).isEqualTo(!held.isEmpty());
        assertNothingLeftAfterErasure(subject);
    }

    @Test
    void erasureIsIdempotent() {
        UUID subject = givenASubjectWithData();
        asRetentionService()
                .body(request(UUID.randomUUID()))
                .when()
                .post(BASE + "/" + subject + "/erasure")
                .then()
                .statusCode(200);
        JsonPath second = asRetentionService()
                .body(request(UUID.randomUUID()))
                .when()
                .post(BASE + "/" + subject + "/erasure")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Number> erasedAgain = second.getList("categories.erased", Number.class);
        assertThat(erasedAgain).allSatisfy(n -> assertThat(n.longValue()).isZero());
    }

    @Test
    void aRepeatedErasureWithTheSameRequestIdReturnsTheFirstReceipt() {
        UUID subject = givenASubjectWithData();
        UUID requestId = UUID.randomUUID();
        String first = asRetentionService()
                .body(request(requestId))
                .when()
                .post(BASE + "/" + subject + "/erasure")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String again = asRetentionService()
                .body(request(requestId))
                .when()
                .post(BASE + "/" + subject + "/erasure")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(JsonPath.from(again).getMap(""))
                .isEqualTo(JsonPath.from(first).getMap(""));
        assertThat(TestDatabase.rows(
                        "SELECT id FROM audit_entry WHERE subject_id = ? AND action = 'subject.erase'", subject))
                .as("the erasure was done once")
                .hasSize(1);
    }

    @Test
    void restrictionShowsInTheExportAndCanBeLifted() {
        UUID subject = givenASubjectWithData();
        asRetentionService()
                .body(request(UUID.randomUUID()))
                .when()
                .post(BASE + "/" + subject + "/restriction")
                .then()
                .statusCode(200)
                .body("action", equalTo("RESTRICTION"))
                .body("restricted", equalTo(true));
        asRetentionService()
                .when()
                .get(BASE + "/" + subject)
                .then()
                .statusCode(200)
                .body("restricted", equalTo(true));

        asRetentionService()
                .queryParam("requestId", UUID.randomUUID().toString())
                .when()
                .delete(BASE + "/" + subject + "/restriction")
                .then()
                .statusCode(200)
                .body("action", equalTo("RESTRICTION_LIFTED"))
                .body("restricted", equalTo(false));
        asRetentionService()
                .when()
                .get(BASE + "/" + subject)
                .then()
                .statusCode(200)
                .body("restricted", equalTo(false));
    }

    @Test
    void liftingARestrictionNeedsARequestId() {
        asRetentionService()
                .when()
                .delete(BASE + "/" + UUID.randomUUID() + "/restriction")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("requestId"));
    }

    @Test
    void everyExerciseOfARightIsInTheAuditTrail() {
        UUID subject = givenASubjectWithData();
        asRetentionService().when().get(BASE + "/" + subject).then().statusCode(200);
        asRetentionService()
                .body(request(UUID.randomUUID()))
                .when()
                .post(BASE + "/" + subject + "/erasure")
                .then()
                .statusCode(200);
        List<Map<String, Object>> entries =
                TestDatabase.rows("SELECT actor, action FROM audit_entry WHERE subject_id = ? ORDER BY id", subject);
        assertThat(entries).extracting(e -> e.get("action")).contains("subject.export", "subject.erase");
        assertThat(entries)
                .filteredOn(e -> String.valueOf(e.get("action")).startsWith("subject."))
                .allSatisfy(e -> assertThat(e.get("actor")).isEqualTo("retention-service"));
    }
}
