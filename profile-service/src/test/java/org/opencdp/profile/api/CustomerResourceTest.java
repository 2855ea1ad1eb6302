package org.opencdp.profile.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.opencdp.profile.api.CustomerFixtures.CUSTOMERS;
import static org.opencdp.profile.api.CustomerFixtures.as;
import static org.opencdp.profile.api.CustomerFixtures.company;
import static org.opencdp.profile.api.CustomerFixtures.create;
import static org.opencdp.profile.api.CustomerFixtures.created;
import static org.opencdp.profile.api.CustomerFixtures.person;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithPostgres
class CustomerResourceTest {

    @Test
    void salesCreatesAPersonAndGetsLocationETagAndTheNormalisedCustomer() {
        Map<String, Object> person = person();
        String location = create(person)
                .then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .body("type", equalTo("PERSON"))
                .body("givenName", equalTo(person.get("givenName")))
                .body("phones[0].number", org.hamcrest.Matchers.startsWith("+49171"))
                .body("age", notNullValue())
                .body("ageBand", notNullValue())
                .extract()
                .header("Location");
        assertThat(location).contains(CUSTOMERS + "/");
        as("sales")
                .when()
                .get(location)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("familyName", equalTo("Müller-Lüdenscheidt"))
                .body("occupation", equalTo("Tischlermeisterin"))
                .body("preferredPaymentMethod.maskedReference", equalTo("**** **** **** 4242"));
    }

    @Test
    void aCompanyGetsContactPersonsThatAreCustomersOfTheirOwn() {
        UUID companyId = created(company());
        String personLocation = as("sales")
                .body(Map.of("person", person(), "jobTitle", "Head of Purchasing"))
                .when()
                .post(CUSTOMERS + "/" + companyId + "/contacts")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        UUID personId = UUID.fromString(personLocation.substring(personLocation.lastIndexOf('/') + 1));

        as("sales")
                .when()
                .get(CUSTOMERS + "/" + companyId)
                .then()
                .statusCode(200)
                .body("contacts", hasSize(1))
                .body("contacts[0].customerId", equalTo(personId.toString()))
                .body("contacts[0].jobTitle", equalTo("Head of Purchasing"));
        as("sales")
                .when()
                .get(personLocation)
                .then()
                .statusCode(200)
                .body("companies[0].customerId", equalTo(companyId.toString()));

        as("sales")
                .when()
                .delete(CUSTOMERS + "/" + companyId + "/contacts/" + personId)
                .then()
                .statusCode(204);
        as("sales")
                .when()
                .get(CUSTOMERS + "/" + companyId)
                .then()
                .statusCode(200)
                .body("contacts", nullValue());
        as("sales").when().get(personLocation).then().statusCode(200);
    }

    @Test
    void anExistingPersonCanBeLinkedAndAPersonCannotHaveContacts() {
        UUID companyId = created(company());
        UUID personId = created(person());
        as("sales")
                .body(Map.of("jobTitle", "CEO"))
                .when()
                .put(CUSTOMERS + "/" + companyId + "/contacts/" + personId)
                .then()
                .statusCode(204);
        as("sales").when().get(CUSTOMERS + "/" + companyId).then().body("contacts[0].jobTitle", equalTo("CEO"));
        as("sales")
                .body(Map.of("person", person()))
                .when()
                .post(CUSTOMERS + "/" + personId + "/contacts")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
    }

    @Test
    void aFullUpdateNeedsTheCurrentETagAndAStaleOneGets412() {
        UUID id = created(person());
        Map<String, Object> changed = person();
        changed.put("familyName", "Schmidt");
        as("sales")
                .header("If-Match", "\"0\"")
                .body(changed)
                .when()
                .put(CUSTOMERS + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("familyName", equalTo("Schmidt"));

        changed.put("familyName", "Meier");
        as("sales")
                .header("If-Match", "\"0\"")
                .body(changed)
                .when()
                .put(CUSTOMERS + "/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:opencdp:problem:precondition-failed"));
        as("sales").when().get(CUSTOMERS + "/" + id).then().body("familyName", equalTo("Schmidt"));
    }

    @Test
    void anUpdateWithoutIfMatchGets428AndChangesNothing() {
        UUID id = created(person());
        as("sales")
                .body(person())
                .when()
                .put(CUSTOMERS + "/" + id)
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        as("sales")
                .contentType("application/merge-patch+json")
                .body("{\"title\":null}")
                .when()
                .patch(CUSTOMERS + "/" + id)
                .then()
                .statusCode(428);
        as("sales").when().delete(CUSTOMERS + "/" + id).then().statusCode(428);
        as("sales").when().get(CUSTOMERS + "/" + id).then().statusCode(200).header("ETag", "\"0\"");
    }

    @Test
    void aMergePatchChangesOnlyTheFieldsItNamesAndNullRemoves() {
        Map<String, Object> person = person();
        UUID id = created(person);
        as("sales")
                .contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body("{\"title\":null,\"phones\":[{\"number\":\"+49 30 9876543\",\"type\":\"LANDLINE\"}]}")
                .when()
                .patch(CUSTOMERS + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("title", nullValue())
                .body("phones", hasSize(1))
                .body("phones[0].number", equalTo("+49309876543"))
                .body("givenName", equalTo(person.get("givenName")))
                .body("emails[0].address", equalTo(CustomerFixtures.emailOf(person)));
    }

    @Test
    void aMergePatchIsValidatedLikeAFullUpdate() {
        UUID id = created(person());
        as("sales")
                .contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body("{\"emails\":[{\"address\":\"not-an-address\"}],\"version\":7}")
                .when()
                .patch(CUSTOMERS + "/" + id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("version"));
        as("sales")
                .contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body("{\"emails\":[{\"address\":\"not-an-address\"}]}")
                .when()
                .patch(CUSTOMERS + "/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("emails[0].address"));
        as("sales").when().get(CUSTOMERS + "/" + id).then().header("ETag", "\"0\"");
    }

    @Test
    void aPersonCannotBecomeACompany() {
        UUID id = created(person());
        as("sales")
                .header("If-Match", "\"0\"")
                .body(company())
                .when()
                .put(CUSTOMERS + "/" + id)
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
    }

    @Test
    void operationsWithoutABodyServeAClientThatAcceptsOnlyProblems() {
        // What a client generated from the OpenAPI document sends: their only documented bodies are problems.
        UUID companyId = created(company());
        UUID personId = created(person());
        as("sales")
                .accept("application/problem+json")
                .body(Map.of("jobTitle", "Buyer"))
                .when()
                .put(CUSTOMERS + "/" + companyId + "/contacts/" + personId)
                .then()
                .statusCode(204);
        as("sales")
                .accept("application/problem+json")
                .when()
                .delete(CUSTOMERS + "/" + companyId + "/contacts/" + personId)
                .then()
                .statusCode(204);
        as("sales")
                .accept("application/problem+json")
                .when()
                .delete(CUSTOMERS + "/" + personId)
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        as("sales")
                .accept("application/problem+json")
                .header("If-Match", "\"0\"")
                .when()
                .delete(CUSTOMERS + "/" + personId)
                .then()
                .statusCode(204);
    }

    @Test
    void deletingRemovesTheCustomerItsSearchEntriesAndItsKey() {
        UUID id = created(person());
        as("sales")
                .header("If-Match", "\"0\"")
                .when()
                .delete(CUSTOMERS + "/" + id)
                .then()
                .statusCode(204);
        as("sales").when().get(CUSTOMERS + "/" + id).then().statusCode(404).contentType("application/problem+json");
        assertThat(TestDatabase.count("SELECT count(*) FROM customer_search_term WHERE customer_id = ?", id))
                .isZero();
        assertThat(TestDatabase.KEYS.number(
                        "SELECT count(*) FROM subject_key WHERE subject_id = ? AND erased_at IS NULL", id))
                .isZero();
    }

    @Test
    void anUnknownCustomerIs404AndABadIdIs400() {
        as("sales")
                .when()
                .get(CUSTOMERS + "/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as("sales").when().get(CUSTOMERS + "/42").then().statusCode(400).body("errors[0].field", equalTo("id"));
    }

    @Test
    void searchFindsAPhoneNumberInAnyCommonNotation() {
        Map<String, Object> person = person();
        UUID id = created(person);
        String national = CustomerFixtures.phoneOf(person); // "0171 1234567"
        String digits = national.replace(" ", "").substring(1);
        for (String notation : List.of(
                national,
                "+49 " + digits.substring(0, 3) + " " + digits.substring(3),
                "0049-" + digits.substring(0, 3) + "-" + digits.substring(3),
                "+49 (0)" + digits)) {
            as("service")
                    .queryParam("phone", notation)
                    .when()
                    .get(CUSTOMERS)
                    .then()
                    .statusCode(200)
                    .body("items.id", contains(id.toString()));
        }
    }

    @Test
    void searchFindsByEMailIgnoringCaseAndByNameIgnoringAccents() {
        Map<String, Object> person = person();
        UUID id = created(person);
        as("sales")
                .queryParam("email", CustomerFixtures.emailOf(person).toUpperCase())
                .when()
                .get(CUSTOMERS)
                .then()
                .statusCode(200)
                .body("items.id", contains(id.toString()));
        String given = ((String) person.get("givenName")).replace("ü", "u").toUpperCase();
        as("sales")
                .queryParam("name", given + " muller")
                .when()
                .get(CUSTOMERS)
                .then()
                .statusCode(200)
                .body("items.id", contains(id.toString()));
        as("sales")
                .queryParam("name", given + " schmidt")
                .when()
                .get(CUSTOMERS)
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void searchFindsCompaniesByNameAndCustomersByPostcode() {
        Map<String, Object> company = company();
        UUID id = created(company);
        String word = ((String) company.get("companyName")).split(" ")[1];
        as("service")
                .queryParam("company", word)
                .when()
                .get(CUSTOMERS)
                .then()
                .statusCode(200)
                .body("items.id", contains(id.toString()));
        as("sales")
                .queryParam("postcode", "80331")
                .queryParam("company", word)
                .when()
                .get(CUSTOMERS)
                .then()
                .statusCode(200)
                .body("items.id", contains(id.toString()));
    }

    @Test
    void searchResultsArePagedWithACursor() {
        String shared = "Pagewalker" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 5; i++) {
            Map<String, Object> person = person();
            person.put("familyName", shared);
            created(person);
        }
        var first = as("sales")
                .queryParam("name", shared)
                .queryParam("limit", 2)
                .when()
                .get(CUSTOMERS)
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("next", notNullValue())
                .extract()
                .jsonPath();
        var second = as("sales")
                .queryParam("name", shared)
                .queryParam("limit", 2)
                .queryParam("cursor", first.getString("next"))
                .when()
                .get(CUSTOMERS)
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .extract()
                .jsonPath();
        var third = as("sales")
                .queryParam("name", shared)
                .queryParam("limit", 2)
                .queryParam("cursor", second.getString("next"))
                .when()
                .get(CUSTOMERS)
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("next", nullValue())
                .extract()
                .jsonPath();
        List<String> all = new java.util.ArrayList<>(first.getList("items.id"));
        all.addAll(second.getList("items.id"));
        all.addAll(third.getList("items.id"));
        assertThat(all).doesNotHaveDuplicates().hasSize(5).isSorted();
    }

    @Test
    void searchLeavesOutRestrictedCustomersOnAnyBasisAndRecordsOnlyTheHitsShown() {
        String shared = "Restrictwalker" + UUID.randomUUID().toString().substring(0, 6);
        List<UUID> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> person = person();
            person.put("familyName", shared);
            ids.add(created(person));
        }
        UUID held = ids.get(1);
        // A legal hold is a restriction as much as an Art. 18 request (OwaspApiTop10Test covers the request).
        TestDatabase.execute(
                "INSERT INTO subject_restriction (subject_id, basis, request_id, until) VALUES (?, 'LEGAL_HOLD', ?, ?)",
                held,
                UUID.randomUUID(),
                java.time.LocalDate.now().plusYears(1));
        List<String> shown = as("sales")
                .queryParam("name", shared)
                .when()
                .get(CUSTOMERS)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id");
        List<String> expected = ids.stream()
                .filter(id -> !id.equals(held))
                .map(UUID::toString)
                .sorted()
                .toList();
        assertThat(shown)
                .hasSize(2)
                .containsExactlyInAnyOrderElementsOf(expected)
                .isSorted();
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action = 'customer.search-hit'",
                        held))
                .isZero();
        for (String id : expected) {
            assertThat(TestDatabase.count(
                            "SELECT count(*) FROM audit_entry WHERE subject_id = ?::uuid AND action = 'customer.search-hit'",
                            id))
                    .isOne();
        }
    }

    @Test
    void searchNeedsACriterionAndAValidPhoneCursorAndLimit() {
        as("sales")
                .when()
                .get(CUSTOMERS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("at least one"));
        as("sales")
                .queryParam("phone", "12")
                .when()
                .get(CUSTOMERS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("phone"));
        as("sales")
                .queryParam("name", "x")
                .queryParam("cursor", "garbage!")
                .when()
                .get(CUSTOMERS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        as("sales")
                .queryParam("name", "x")
                .queryParam("limit", 101)
                .when()
                .get(CUSTOMERS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        as("sales")
                .queryParam("name", "x")
                .queryParam("limit", "ten")
                .when()
                .get(CUSTOMERS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void unknownFieldsAreNamedAndNeverAssigned() {
        long before = TestDatabase.count("SELECT count(*) FROM customer");
        for (String field : List.of("id", "version", "createdAt")) {
            Map<String, Object> person = person();
            person.put(field, field.equals("version") ? 99 : UUID.randomUUID().toString());
            create(person)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(field));
        }
        assertThat(TestDatabase.count("SELECT count(*) FROM customer")).isEqualTo(before);
    }

    @Test
    void noTokenGets401OnEveryEndpoint() {
        String someone = CUSTOMERS + "/" + UUID.randomUUID();
        given().when().get(CUSTOMERS + "?name=x").then().statusCode(401);
        given().when().get(someone).then().statusCode(401);
        given().contentType("application/json")
                .body(person())
                .when()
                .post(CUSTOMERS)
                .then()
                .statusCode(401);
        given().contentType("application/json")
                .body(person())
                .when()
                .put(someone)
                .then()
                .statusCode(401);
        given().contentType("application/merge-patch+json")
                .body("{}")
                .when()
                .patch(someone)
                .then()
                .statusCode(401);
        given().when().delete(someone).then().statusCode(401);
        given().contentType("application/json")
                .body(Map.of("person", person()))
                .when()
                .post(someone + "/contacts")
                .then()
                .statusCode(401);
    }

    @Test
    void onlySalesMayChangeCustomers() {
        UUID id = created(person());
        for (String role : List.of("service", "marketing", "analyst", "dpo", "admin")) {
            as(role).body(person())
                    .when()
                    .post(CUSTOMERS)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            as(role).header("If-Match", "\"0\"")
                    .body(person())
                    .when()
                    .put(CUSTOMERS + "/" + id)
                    .then()
                    .statusCode(403);
            as(role).contentType("application/merge-patch+json")
                    .header("If-Match", "\"0\"")
                    .body("{}")
                    .when()
                    .patch(CUSTOMERS + "/" + id)
                    .then()
                    .statusCode(403);
            as(role).header("If-Match", "\"0\"")
                    .when()
                    .delete(CUSTOMERS + "/" + id)
                    .then()
                    .statusCode(403);
            as(role).body(Map.of("person", person()))
                    .when()
                    .post(CUSTOMERS + "/" + id + "/contacts")
                    .then()
                    .statusCode(403);
        }
        as("sales").when().get(CUSTOMERS + "/" + id).then().statusCode(200).header("ETag", "\"0\"");
    }

    @Test
    void dpoAdminAndServiceAccountsMayNotReadCustomers() {
        UUID id = created(person());
        for (String role : List.of("dpo", "admin")) {
            as(role).when().get(CUSTOMERS + "/" + id).then().statusCode(403);
            as(role).queryParam("name", "x").when().get(CUSTOMERS).then().statusCode(403);
        }
        given().auth()
                .oauth2(org.opencdp.testsupport.TestTokens.serviceAccount("retention-service"))
                .when()
                .get(CUSTOMERS + "/" + id)
                .then()
                .statusCode(403);
        as("analyst").queryParam("name", "x").when().get(CUSTOMERS).then().statusCode(403);
    }

    /**
     * Marketing sees a customer only with a direct-marketing consent, which consent-service decides. These tests run
     * without consent-service, so marketing is gated closed: 503 with Retry-After on a read, everyone left out of a
     * search with a field saying why. What marketing sees with a consent (no payment data) is tested in e2e/.
     */
    @Test
    void marketingIsGatedClosedWhileConsentServiceDoesNotAnswer() {
        Map<String, Object> person = person();
        UUID id = created(person);
        as("marketing")
                .when()
                .get(CUSTOMERS + "/" + id)
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("30"))
                .body(org.hamcrest.Matchers.not(containsString((String) person.get("givenName"))));
        as("marketing")
                .queryParam("email", CustomerFixtures.emailOf(person))
                .when()
                .get(CUSTOMERS)
                .then()
                .statusCode(200)
                .body("items", hasSize(0))
                .body("marketingConsentUnavailable", equalTo(true));
        as("sales")
                .queryParam("email", CustomerFixtures.emailOf(person))
                .when()
                .get(CUSTOMERS)
                .then()
                .statusCode(200)
                .body("items.id", contains(id.toString()))
                .body("marketingConsentUnavailable", nullValue());
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_entry WHERE subject_id = ? AND actor = 'marketing.user'", id))
                .as("nothing was read for marketing")
                .isZero();
    }

    @Test
    void serviceSeesContactDataButNoPaymentBirthDateOrInterests() {
        Map<String, Object> person = person();
        UUID id = created(person);
        as("service")
                .when()
                .get(CUSTOMERS + "/" + id)
                .then()
                .statusCode(200)
                .body("familyName", equalTo("Müller-Lüdenscheidt"))
                .body("emails[0].address", equalTo(CustomerFixtures.emailOf(person)))
                .body("phones[0].number", notNullValue())
                .body("addresses[0].city", equalTo("Köln"))
                .body("preferredPaymentMethod", nullValue())
                .body("birthDate", nullValue())
                .body("occupation", nullValue())
                .body("interests", nullValue());
    }

    @Test
    void anOccupationIsChangedAndRemovedByMergePatch() {
        UUID id = created(person());
        as("sales")
                .contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body("{\"occupation\":\"Schreinerin \"}")
                .when()
                .patch(CUSTOMERS + "/" + id)
                .then()
                .statusCode(200)
                .body("occupation", equalTo("Schreinerin"));
        as("sales")
                .contentType("application/merge-patch+json")
                .header("If-Match", "\"1\"")
                .body("{\"occupation\":null}")
                .when()
                .patch(CUSTOMERS + "/" + id)
                .then()
                .statusCode(200)
                .body("occupation", nullValue());
    }

    @Test
    void analystReadsNoSingleCustomer() {
        UUID id = created(person());

        as("analyst").when().get(CUSTOMERS + "/" + id).then().statusCode(403).contentType("application/problem+json");
    }
}
