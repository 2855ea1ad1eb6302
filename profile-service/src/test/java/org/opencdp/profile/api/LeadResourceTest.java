package org.opencdp.profile.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.opencdp.profile.api.CustomerFixtures.CUSTOMERS;
import static org.opencdp.profile.api.CustomerFixtures.as;
import static org.opencdp.profile.api.SalesFixtures.LEADS;
import static org.opencdp.profile.api.SalesFixtures.companyLead;
import static org.opencdp.profile.api.SalesFixtures.convert;
import static org.opencdp.profile.api.SalesFixtures.createLead;
import static org.opencdp.profile.api.SalesFixtures.createdLead;
import static org.opencdp.profile.api.SalesFixtures.moveLead;
import static org.opencdp.profile.api.SalesFixtures.personLead;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Leads: create, read, list, replace, the pipeline's moves and the conversion into a customer. */
@QuarkusTest
@WithPostgres
class LeadResourceTest {

    @Test
    void aPersonLeadIsStoredEncryptedWithItsOwnKeyAndReadBack() {
        Map<String, Object> lead = personLead();
        String id = createLead(lead)
                .then()
                .statusCode(201)
                .header("Location", containsString(LEADS + "/"))
                .header("ETag", "\"0\"")
                .body("stage", equalTo("NEW"))
                .body("source", equalTo("TRADE_FAIR"))
                .body("phone", startsWith("+49171"))
                .body("lastTouchedAt", notNullValue())
                .extract()
                .path("id");
        UUID leadId = UUID.fromString(id);

        byte[] stored = (byte[]) TestDatabase.rows("SELECT details FROM lead WHERE id = ?", leadId)
                .get(0)
                .get("details");
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain((String) lead.get("givenName"))
                .doesNotContain((String) lead.get("email"));
        assertThat(TestDatabase.KEYS.number(
                        "SELECT count(*) FROM subject_key WHERE subject_id = ? AND erased_at IS NULL", leadId))
                .isOne();

        for (String role : List.of("sales", "service")) {
            as(role).when()
                    .get(LEADS + "/" + id)
                    .then()
                    .statusCode(200)
                    .header("ETag", "\"0\"")
                    .body("givenName", equalTo(lead.get("givenName")))
                    .body("email", equalTo(lead.get("email")));
        }
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action = 'lead.read'", leadId))
                .isEqualTo(2);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action = 'lead.create'", leadId))
                .isOne();
    }

    @Test
    void aCompanyLeadHasACompanyName() {
        createLead(companyLead())
                .then()
                .statusCode(201)
                .body("type", equalTo("COMPANY"))
                .body("companyName", notNullValue())
                .body("givenName", nullValue());
    }

    @Test
    void theListIsPagedWithTheCursorAndFilteredByStage() {
        List<UUID> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID id = createdLead(personLead());
            moveLead(id, "PROPOSAL").then().statusCode(200);
            mine.add(id);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = as("service").queryParam("stage", "proposal").queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page =
                    request.when().get(LEADS).then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("items.stage", String.class)).containsOnly("PROPOSAL");
            assertThat(page.getList("items")).hasSizeLessThanOrEqualTo(2);
            seen.addAll(page.getList("items.id", String.class));
            cursor = page.getString("next");
        } while (cursor != null);
        assertThat(seen).containsAll(mine.stream().map(UUID::toString).toList());
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen).isSorted();

        as("sales")
                .queryParam("stage", "NEW")
                .when()
                .get(LEADS)
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(mine.get(0).toString())));
    }

    @Test
    void replacingNeedsTheCurrentVersion() {
        UUID id = createdLead(personLead());
        Map<String, Object> changed = personLead();
        changed.put("familyName", "Musterfrau");
        as("sales").body(changed).when().put(LEADS + "/" + id).then().statusCode(428);
        as("sales")
                .header("If-Match", "\"7\"")
                .body(changed)
                .when()
                .put(LEADS + "/" + id)
                .then()
                .statusCode(412);
        as("sales")
                .header("If-Match", "\"0\"")
                .body(changed)
                .when()
                .put(LEADS + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("familyName", equalTo("Musterfrau"));

        Map<String, Object> company = companyLead();
        as("sales")
                .header("If-Match", "\"1\"")
                .body(company)
                .when()
                .put(LEADS + "/" + id)
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
    }

    @Test
    void thePipelineMovesForwardOrToLostAndNeverOutOfAFinalStage() {
        UUID id = createdLead(personLead());
        moveLead(id, "QUALIFIED").then().statusCode(200).body("stage", equalTo("QUALIFIED"));
        moveLead(id, "CONTACTED")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:opencdp:problem:conflict"));
        moveLead(id, "QUALIFIED").then().statusCode(409);
        moveLead(id, "WON").then().statusCode(409).body("detail", containsString("conversion"));
        moveLead(id, "PROPOSAL").then().statusCode(200);
        moveLead(id, "LOST").then().statusCode(200).body("stage", equalTo("LOST"));
        moveLead(id, "NEW").then().statusCode(409);
        as("sales").when().get(LEADS + "/" + id).then().body("stage", equalTo("LOST"));
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action = 'lead.stage-change'", id))
                .isEqualTo(3);
    }

    @Test
    void conversionCreatesTheCustomerWithTheSameIdAndTheLeadsData() {
        Map<String, Object> lead = personLead();
        UUID id = createdLead(lead);
        moveLead(id, "PROPOSAL").then().statusCode(200);

        convert(id)
                .then()
                .statusCode(201)
                .header("Location", endsWith(CUSTOMERS + "/" + id))
                .body("id", equalTo(id.toString()))
                .body("type", equalTo("PERSON"))
                .body("salutation", equalTo("MS"))
                .body("givenName", equalTo(lead.get("givenName")))
                .body("familyName", equalTo("Mustermann"))
                .body("emails[0].address", equalTo(lead.get("email")))
                .body("phones[0].number", startsWith("+49171"))
                .body("acquisitionSource", equalTo("EVENT"));

        as("sales")
                .when()
                .get(CUSTOMERS + "/" + id)
                .then()
                .statusCode(200)
                .body("givenName", equalTo(lead.get("givenName")));
        as("sales")
                .queryParam("email", lead.get("email"))
                .when()
                .get(CUSTOMERS)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id.toString()));
        as("sales")
                .when()
                .get(LEADS + "/" + id)
                .then()
                .statusCode(200)
                .body("stage", equalTo("WON"))
                .body("customerId", equalTo(id.toString()))
                .body("convertedAt", notNullValue())
                .body("givenName", nullValue())
                .body("email", nullValue());
        // The personal data exists once, in the customer; one key serves both.
        assertThat(TestDatabase.rows("SELECT details FROM lead WHERE id = ?", id)
                        .get(0)
                        .get("details"))
                .isNull();
        assertThat(TestDatabase.KEYS.number("SELECT count(*) FROM subject_key WHERE subject_id = ?", id))
                .isOne();
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM outbox_event WHERE subject_id = ? AND type = 'profile.changed'", id))
                .isOne();
    }

    @Test
    void aCompanyLeadBecomesACompany() {
        Map<String, Object> lead = companyLead();
        UUID id = createdLead(lead);
        convert(id)
                .then()
                .statusCode(201)
                .body("type", equalTo("COMPANY"))
                .body("companyName", equalTo(lead.get("companyName")))
                .body("emails[0].use", equalTo("WORK"))
                .body("acquisitionSource", equalTo("REFERRAL"));
    }

    @Test
    void aLeadConvertedTwiceOrLostIsAConflictAndChangesNothing() {
        UUID converted = createdLead(personLead());
        convert(converted).then().statusCode(201);
        convert(converted)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:opencdp:problem:conflict"));
        as("sales")
                .header("If-Match", "\"1\"")
                .body(personLead())
                .when()
                .put(LEADS + "/" + converted)
                .then()
                .statusCode(409);
        moveLead(converted, "LOST").then().statusCode(409);

        UUID lost = createdLead(personLead());
        moveLead(lost, "LOST").then().statusCode(200);
        long customersBefore = TestDatabase.count("SELECT count(*) FROM customer");
        convert(lost).then().statusCode(409).body("detail", containsString("lost"));
        assertThat(TestDatabase.count("SELECT count(*) FROM customer WHERE id = ?", lost))
                .isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM customer")).isEqualTo(customersBefore);
        as("sales").when().get(LEADS + "/" + lost).then().body("stage", equalTo("LOST"));
    }

    @Test
    void anUnknownLeadIs404() {
        UUID unknown = UUID.randomUUID();
        as("sales").when().get(LEADS + "/" + unknown).then().statusCode(404);
        convert(unknown).then().statusCode(404);
        moveLead(unknown, "CONTACTED").then().statusCode(404);
    }

    @Test
    void everyEndpointRefusesCallersWithoutATokenOrTheRole() {
        UUID id = createdLead(personLead());
        String one = LEADS + "/" + id;
        List<String[]> calls = List.of(
                new String[] {"POST", LEADS},
                new String[] {"GET", LEADS},
                new String[] {"GET", one},
                new String[] {"PUT", one},
                new String[] {"PUT", one + "/stage"},
                new String[] {"POST", one + "/conversion"});
        for (String[] call : calls) {
            given().contentType(ContentType.JSON)
                    .body("{}")
                    .when()
                    .request(call[0], call[1])
                    .then()
                    .statusCode(401);
            boolean read = call[0].equals("GET");
            List<String> refused = new ArrayList<>(List.of("marketing", "analyst", "dpo", "admin"));
            if (!read) {
                refused.add("service");
            }
            for (String role : refused) {
                given().auth()
                        .oauth2(TestTokens.forRole(role))
                        .contentType(ContentType.JSON)
                        .body("{}")
                        .when()
                        .request(call[0], call[1])
                        .then()
                        .statusCode(403)
                        .contentType("application/problem+json");
            }
            given().auth()
                    .oauth2(TestTokens.serviceAccount("retention-service"))
                    .contentType(ContentType.JSON)
                    .body("{}")
                    .when()
                    .request(call[0], call[1])
                    .then()
                    .statusCode(403);
        }
        as("sales").when().get(one).then().statusCode(200).body("stage", equalTo("NEW"));
    }
}
