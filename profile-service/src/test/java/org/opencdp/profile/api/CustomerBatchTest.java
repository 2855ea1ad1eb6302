package org.opencdp.profile.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.opencdp.profile.api.CustomerFixtures.CUSTOMERS;
import static org.opencdp.profile.api.CustomerFixtures.as;
import static org.opencdp.profile.api.CustomerFixtures.company;
import static org.opencdp.profile.api.CustomerFixtures.emailOf;
import static org.opencdp.profile.api.CustomerFixtures.person;
import static org.opencdp.profile.api.CustomerFixtures.phoneOf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** POST /api/v1/customers/batch: each customer as by a single create, the batch whole or not at all. */
@QuarkusTest
@WithPostgres
class CustomerBatchTest {

    private static final String BATCH = CUSTOMERS + "/batch";

    @Test
    void salesCreatesPersonsAndCompaniesTogetherEachFindableAndAudited() {
        Map<String, Object> erika = person();
        Map<String, Object> musterbau = company();
        Map<String, Object> jurgen = person();

        JsonPath created = as("sales")
                .body(Map.of("customers", List.of(erika, musterbau, jurgen)))
                .when()
                .post(BATCH)
                .then()
                .statusCode(201)
                .contentType("application/json")
                .extract()
                .jsonPath();

        List<String> ids = created.getList("created.id", String.class);
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        assertThat(created.getList("created.version", Long.class)).containsExactly(0L, 0L, 0L);
        assertThat(created.getString("created[1].location")).isEqualTo(CUSTOMERS + "/" + ids.get(1));
        as("sales")
                .when()
                .get(CUSTOMERS + "/" + ids.get(1))
                .then()
                .statusCode(200)
                .body("type", equalTo("COMPANY"))
                .body("companyName", equalTo(musterbau.get("companyName")));
        // In the order sent, and searchable like any customer.
        as("sales")
                .queryParam("phone", phoneOf(jurgen))
                .when()
                .get(CUSTOMERS)
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(ids.get(2))));
        as("sales")
                .queryParam("email", emailOf(erika))
                .when()
                .get(CUSTOMERS)
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(ids.get(0))));
        for (String id : ids) {
            UUID subject = UUID.fromString(id);
            assertThat(TestDatabase.count(
                            "SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action = "
                                    + "'customer.create' AND purpose = 'POST /api/v1/customers/batch'",
                            subject))
                    .isOne();
            assertThat(TestDatabase.KEYS.number(
                            "SELECT count(*) FROM subject_key WHERE subject_id = ? AND erased_at IS NULL", subject))
                    .isOne();
            assertThat(TestDatabase.count(
                            "SELECT count(*) FROM outbox_event WHERE subject_id = ? AND type = " + "'profile.changed'",
                            subject))
                    .isOne();
        }
    }

    @Test
    void oneInvalidCustomerIsNamedByItsPositionAndNothingIsStored() {
        Map<String, Object> invalid = person();
        invalid.put("emails", List.of(Map.of("address", "erika.example.de")));

        refused(List.of(person(), invalid, company()))
                .body("errors[0].field", equalTo("customers[1].emails[0].address"));
    }

    @Test
    void aCardNumberInAnyCustomerIsNamedAndNotEchoed() {
        Map<String, Object> pasted = company();
        pasted.put("companyName", "Musterbau 4111 1111 1111 1111");

        refused(List.of(person(), person(), pasted))
                .body("errors[0].field", equalTo("customers[2].companyName"))
                .body(not(containsString("4111")));
    }

    @Test
    void unknownFieldsInACustomerAreRefused() {
        Map<String, Object> withId = person();
        withId.put("id", UUID.randomUUID().toString());

        refused(List.of(withId)).body("errors[0].field", equalTo("customers[0].id"));
    }

    @Test
    void anEmptyOrOversizeBatchIsRefused() {
        refused(List.of()).body("errors[0].field", equalTo("customers"));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i <= CustomerBatchInput.MAX_CUSTOMERS; i++) {
            tooMany.add(person());
        }
        refused(tooMany).body("errors[0].field", equalTo("customers"));
        long before = TestDatabase.count("SELECT count(*) FROM customer");
        as("sales")
                .body("{}")
                .when()
                .post(BATCH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("customers"));
        as("sales")
                .body("{\"customers\" [")
                .when()
                .post(BATCH)
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:opencdp:problem:malformed-json"));
        assertThat(TestDatabase.count("SELECT count(*) FROM customer")).isEqualTo(before);
    }

    @Test
    void noTokenGets401AndOnlySalesMayCreate() {
        Map<String, Object> batch = Map.of("customers", List.of(person()));
        given().contentType("application/json")
                .body(batch)
                .when()
                .post(BATCH)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        for (String role : List.of("service", "marketing", "analyst", "dpo", "admin")) {
            as(role).body(batch).when().post(BATCH).then().statusCode(403).contentType("application/problem+json");
        }
        given().auth()
                .oauth2(org.opencdp.testsupport.TestTokens.serviceAccount("behaviour-service"))
                .contentType("application/json")
                .body(batch)
                .when()
                .post(BATCH)
                .then()
                .statusCode(403);
    }

    /** A 400 problem, with nothing stored: no customer, key, event or audit entry. */
    private static ValidatableResponse refused(List<Map<String, Object>> customers) {
        long customersBefore = TestDatabase.count("SELECT count(*) FROM customer");
        long keysBefore = TestDatabase.KEYS.number("SELECT count(*) FROM subject_key");
        long eventsBefore = TestDatabase.count("SELECT count(*) FROM outbox_event");
        long auditBefore = TestDatabase.count("SELECT count(*) FROM audit_entry");
        ValidatableResponse response = as("sales")
                .body(Map.of("customers", customers))
                .when()
                .post(BATCH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:opencdp:problem:validation"));
        assertThat(TestDatabase.count("SELECT count(*) FROM customer")).isEqualTo(customersBefore);
        assertThat(TestDatabase.KEYS.number("SELECT count(*) FROM subject_key")).isEqualTo(keysBefore);
        assertThat(TestDatabase.count("SELECT count(*) FROM outbox_event")).isEqualTo(eventsBefore);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_entry")).isEqualTo(auditBefore);
        return response;
    }
}
