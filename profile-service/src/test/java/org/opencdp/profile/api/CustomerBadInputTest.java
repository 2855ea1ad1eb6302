package org.opencdp.profile.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.opencdp.profile.api.CustomerFixtures.CUSTOMERS;
import static org.opencdp.profile.api.CustomerFixtures.as;
import static org.opencdp.profile.api.CustomerFixtures.create;
import static org.opencdp.profile.api.CustomerFixtures.person;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Every bad input the issue names: a 4xx problem naming the field, and nothing stored. */
@QuarkusTest
@WithPostgres
class CustomerBadInputTest {

    private long customersBefore;
    private long outboxBefore;
    private long auditBefore;

    @BeforeEach
    void countRows() {
        customersBefore = TestDatabase.count("SELECT count(*) FROM customer");
        outboxBefore = TestDatabase.count("SELECT count(*) FROM outbox_event");
        auditBefore = TestDatabase.count("SELECT count(*) FROM audit_entry");
    }

    @AfterEach
    void nothingWasStored() {
        assertThat(TestDatabase.count("SELECT count(*) FROM customer")).isEqualTo(customersBefore);
        assertThat(TestDatabase.count("SELECT count(*) FROM outbox_event")).isEqualTo(outboxBefore);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_entry")).isEqualTo(auditBefore);
    }

    private static ValidatableResponse createWith(Consumer<Map<String, Object>> change) {
        Map<String, Object> person = person();
        change.accept(person);
        return create(person).then().contentType("application/problem+json");
    }

    @Test
    void malformedJsonIs400() {
        as("sales")
                .body("{\"type\":\"PERSON\",\"givenName\":\"Erika\",")
                .when()
                .post(CUSTOMERS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:opencdp:problem:malformed-json"));
    }

    @Test
    void aMissingOrUnknownTypeIs400() {
        createWith(p -> p.remove("type")).statusCode(400);
        createWith(p -> p.put("type", "ROBOT")).statusCode(400).body("errors[0].field", equalTo("type"));
    }

    @Test
    void anInvalidEmailIsNamed() {
        createWith(p -> p.put("emails", List.of(Map.of("address", "erika.example.de"))))
                .statusCode(400)
                .body("errors[0].field", equalTo("emails[0].address"));
        createWith(p -> p.put("emails", List.of(Map.of("address", "erika@localhost"))))
                .statusCode(400)
                .body("errors[0].field", equalTo("emails[0].address"));
    }

    @Test
    void anUnparseablePhoneIsNamed() {
        createWith(p -> p.put("phones", List.of(Map.of("number", "call me maybe"))))
                .statusCode(400)
                .body("errors[0].field", equalTo("phones[0].number"))
                .body(not(containsString("call me maybe")));
        createWith(p -> p.put("phones", List.of(Map.of("number", "+49 123"))))
                .statusCode(400)
                .body("errors[0].field", equalTo("phones[0].number"));
    }

    @Test
    void anUnknownCountryIsNamed() {
        createWith(p -> p.put(
                        "addresses",
                        List.of(Map.of(
                                "type",
                                "HOME",
                                "street",
                                "Main St 1",
                                "postcode",
                                "12345",
                                "city",
                                "Nowhere",
                                "country",
                                "XX"))))
                .statusCode(400)
                .body("errors[0].field", equalTo("addresses[0].country"));
    }

    @Test
    void aPostcodeThatDoesNotFitTheCountryIsNamed() {
        createWith(p -> p.put(
                        "addresses",
                        List.of(Map.of(
                                "type",
                                "HOME",
                                "street",
                                "Hauptstraße 1",
                                "postcode",
                                "1234",
                                "city",
                                "Berlin",
                                "country",
                                "DE"))))
                .statusCode(400)
                .body("errors[0].field", equalTo("addresses[0].postcode"));
    }

    @Test
    void anOccupationOver100CharactersIsNamed() {
        createWith(p -> p.put("occupation", "x".repeat(101)))
                .statusCode(400)
                .body("errors[0].field", equalTo("occupation"));
    }

    @Test
    void aBirthDateInTheFutureOrImplausiblyLongAgoIsNamed() {
        createWith(p -> p.put("birthDate", LocalDate.now().plusDays(1).toString()))
                .statusCode(400)
                .body("errors[0].field", equalTo("birthDate"));
        createWith(p -> p.put("birthDate", "1850-01-01")).statusCode(400).body("errors[0].field", equalTo("birthDate"));
        createWith(p -> p.put("birthDate", "12.08.1984")).statusCode(400).body("errors[0].field", equalTo("birthDate"));
    }

    @Test
    void aCardNumberPastedIntoAnyTextFieldIsRefused() {
        createWith(p -> p.put("title", "4111 1111 1111 1111"))
                .statusCode(400)
                .body("errors[0].field", equalTo("title"))
                .body("errors[0].message", containsString("payment card"))
                .body(not(containsString("4111")));
        createWith(p -> p.put(
                        "addresses",
                        List.of(Map.of(
                                "type",
                                "HOME",
                                "street",
                                "Visa 5500-0000-0000-0004",
                                "postcode",
                                "51147",
                                "city",
                                "Köln",
                                "country",
                                "DE"))))
                .statusCode(400)
                .body("errors.field", hasItem("addresses[0].street"));
        createWith(p -> p.put(
                        "preferredPaymentMethod", Map.of("type", "CREDIT_CARD", "maskedReference", "4111111111111111")))
                .statusCode(400)
                .body("errors.field", hasItem("preferredPaymentMethod.maskedReference"));
    }

    @Test
    void anIbanPastedIntoAnyTextFieldIsRefused() {
        createWith(p -> p.put("interests", List.of("de89 3704 0044 0532 0130 00")))
                .statusCode(400)
                .body("errors.field", hasItem("interests[0]"));
        createWith(p -> p.put("familyName", "DE89370400440532013000"))
                .statusCode(400)
                .body("errors[0].field", equalTo("familyName"))
                .body("errors[0].message", containsString("IBAN"));
        createWith(p -> p.put(
                        "preferredPaymentMethod",
                        Map.of("type", "SEPA_DIRECT_DEBIT", "maskedReference", "DE89 3704 0044 0532 0130 00")))
                .statusCode(400)
                .body("errors.field", hasItem("preferredPaymentMethod.maskedReference"));
    }

    @Test
    void anUnmaskedOrMisplacedPaymentReferenceIsRefused() {
        createWith(p -> p.put("preferredPaymentMethod", Map.of("type", "CREDIT_CARD", "maskedReference", "1234 5678")))
                .statusCode(400)
                .body("errors[0].field", equalTo("preferredPaymentMethod.maskedReference"));
        createWith(p -> p.put("preferredPaymentMethod", Map.of("type", "INVOICE", "maskedReference", "****1234")))
                .statusCode(400)
                .body("errors[0].field", equalTo("preferredPaymentMethod.maskedReference"));
    }

    @Test
    void anOversizeBodyIs413() {
        Map<String, Object> person = person();
        person.put("title", "x".repeat(300 * 1024));
        create(person).then().statusCode(413);
    }

    @Test
    void missingRequiredFieldsAreAllNamedAtOnce() {
        createWith(p -> {
                    p.remove("givenName");
                    p.put("familyName", " ");
                })
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("givenName", "familyName"));
    }

    @Test
    void aPageSizeOverTheCapIsRefused() {
        as("sales")
                .queryParam("name", "erika")
                .queryParam("limit", 500)
                .when()
                .get(CUSTOMERS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"))
                .body("errors[0].message", containsString("100"));
    }
}
