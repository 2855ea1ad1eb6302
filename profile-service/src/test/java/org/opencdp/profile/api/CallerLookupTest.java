package org.opencdp.profile.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.opencdp.profile.api.CustomerFixtures.as;
import static org.opencdp.profile.api.CustomerFixtures.created;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencdp.subjectrights.SubjectRestrictions;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The caller lookup for CTI pop-ups: every notation a PBX sends finds the customer, a shared number finds all its
 * customers, an extension falls back to the switchboard number, and consent-service's silence is said as unknown.
 * The tests' consent-service does not answer (port 9), so phone marketing is UNKNOWN here; the decision itself is
 * consent-decisions' and checked in e2e/.
 */
@QuarkusTest
@WithPostgres
class CallerLookupTest {

    @Inject
    SubjectRestrictions restrictions;

    static final String LOOKUP = "/api/v1/caller-lookup";

    /** A person with this landline and mobile number, and the other fields the cards show. */
    static Map<String, Object> personWith(String landline) {
        Map<String, Object> person = CustomerFixtures.person();
        person.put(
                "phones",
                List.of(
                        Map.of("number", landline, "type", "LANDLINE", "primary", true),
                        Map.of("number", "0171 " + (1000000 + (int) (Math.random() * 8999999)), "type", "MOBILE")));
        return person;
    }

    static Set<String> callerIds(String number) {
        List<String> ids = as("service")
                .queryParam("number", number)
                .when()
                .get(LOOKUP)
                .then()
                .statusCode(200)
                .extract()
                .path("callers.customerId");
        return Set.copyOf(ids);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "+49 30 1234567",
                "+49301234567",
                "0049301234567",
                "030 1234567",
                "030/1234567",
                "(030) 123 45 67",
                "301234567",
                "030 1234567-12"
            })
    void everyNotationAPbxSendsFindsTheCustomer(String notation) {
        UUID customer = created(personWith("+49 30 1234567"));
        assertThat(callerIds(notation)).contains(customer.toString());
        assertThat(callerIds(notation)).isEqualTo(callerIds("+49301234567"));
    }

    @Test
    void anInternationalNumberWithZerosFindsTheCustomerInItsCountry() {
        UUID customer = created(personWith("+44 20 7946 0958"));
        as("sales")
                .queryParam("number", "0044 20 7946 0958")
                .when()
                .get(LOOKUP)
                .then()
                .statusCode(200)
                .body("matchedNumber", equalTo("+442079460958"))
                .body("callers.customerId", hasItem(customer.toString()));
    }

    @Test
    void aDirectDialWithAnExtensionIsFoundBeforeTheSwitchboard() {
        UUID switchboard = created(personWith("+49 40 2468024"));
        UUID direct = created(personWith("+49 40 246802412"));
        as("service")
                .queryParam("number", "040 2468024-12")
                .when()
                .get(LOOKUP)
                .then()
                .statusCode(200)
                .body("matchedNumber", equalTo("+4940246802412"))
                .body("callers.customerId", equalTo(List.of(direct.toString())));
        as("service")
                .queryParam("number", "040 2468024-13")
                .when()
                .get(LOOKUP)
                .then()
                .statusCode(200)
                .body("matchedNumber", equalTo("+49402468024"))
                .body("callers.customerId", equalTo(List.of(switchboard.toString())));
    }

    @Test
    void aNumberTwoCustomersShareReturnsBothNeverAGuess() {
        UUID one = created(personWith("+49 89 97531864"));
        UUID two = created(personWith("089 97531864"));
        as("service")
                .queryParam("number", "089/97531864")
                .when()
                .get(LOOKUP)
                .then()
                .statusCode(200)
                .body("match", equalTo("SHARED"))
                .body("callers.size()", equalTo(2));
        assertThat(callerIds("089/97531864")).containsExactlyInAnyOrder(one.toString(), two.toString());
    }

    @Test
    void theCardShowsTheContactsCompanyAndSaysConsentIsUnknownWhenConsentServiceIsSilent() {
        Map<String, Object> person = personWith("+49 221 5556677");
        UUID personId = created(person);
        Map<String, Object> company = CustomerFixtures.company();
        UUID companyId = created(company);
        as("sales")
                .body(Map.of("jobTitle", "Einkauf"))
                .when()
                .put("/api/v1/customers/" + companyId + "/contacts/" + personId)
                .then()
                .statusCode(204);
        as("service")
                .queryParam("number", "0221 5556677")
                .when()
                .get(LOOKUP)
                .then()
                .statusCode(200)
                .body("match", equalTo("UNIQUE"))
                .body("callers[0].customerId", equalTo(personId.toString()))
                .body("callers[0].kind", equalTo("PERSON"))
                .body("callers[0].displayName", equalTo(person.get("givenName") + " " + person.get("familyName")))
                .body("callers[0].company", equalTo(company.get("companyName")))
                .body("callers[0].lastContact", nullValue())
                .body("callers[0].lastContactChannel", nullValue())
                .body("callers[0].openTickets", equalTo(0))
                .body("callers[0].phoneMarketing", equalTo("UNKNOWN"))
                .body("callers[0].doNotCallForMarketing", equalTo(true));
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action = 'customer.caller-lookup' "
                                + "AND purpose = 'GET /api/v1/caller-lookup'",
                        personId))
                .isEqualTo(1);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action = 'customer.read-linked' "
                                + "AND purpose = 'GET /api/v1/caller-lookup'",
                        companyId))
                .isEqualTo(1);
    }

    @Test
    void theCardShowsTheNewestTimelineEntryAsTheLastContactAndNoTicketCount() {
        String number = "+49 40 " + (1000000 + (int) (Math.random() * 8999999));
        UUID customer = created(personWith(number));
        UUID other = created(CustomerFixtures.person());
        recorded(customer, TimelineResourceTest.call("2026-11-20T10:00:00Z"));
        recorded(customer, TimelineResourceTest.entry("EMAIL", "INBOUND", "2026-11-25T09:30:00Z"));
        recorded(customer, TimelineResourceTest.entry("NOTE", "INTERNAL", "2026-11-01T08:00:00Z"));
        recorded(other, TimelineResourceTest.call("2026-11-26T12:00:00Z"));

        as("service")
                .queryParam("number", number)
                .when()
                .get(LOOKUP)
                .then()
                .statusCode(200)
                .body("callers[0].customerId", equalTo(customer.toString()))
                .body("callers[0].lastContact", equalTo("2026-11-25T09:30:00Z"))
                .body("callers[0].lastContactChannel", equalTo("EMAIL"))
                .body("callers[0].openTickets", equalTo(0));
    }

    private static void recorded(UUID customerId, Map<String, Object> entry) {
        as("service")
                .body(entry)
                .when()
                .post(TimelineResourceTest.timelineOf(customerId))
                .then()
                .statusCode(201);
    }

    @Test
    void aRestrictedCustomerIsLeftOutAndNotRecordedAsRead() {
        UUID restricted = created(personWith("+49 69 3141592"));
        UUID visible = created(personWith("069 3141592"));
        restrictions.restrict(
                restricted,
                SubjectRestrictions.Basis.ART18_REQUEST,
                UUID.randomUUID(),
                LocalDate.now().plusDays(30));
        as("service")
                .queryParam("number", "069 3141592")
                .when()
                .get(LOOKUP)
                .then()
                .statusCode(200)
                .body("match", equalTo("UNIQUE"))
                .body("callers.customerId", equalTo(List.of(visible.toString())));
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action = 'customer.caller-lookup'",
                        restricted))
                .isZero();
    }

    @Test
    void aNumberNoCustomerHasIsUnknown() {
        as("service")
                .queryParam("number", "+49 30 99999999")
                .when()
                .get(LOOKUP)
                .then()
                .statusCode(200)
                .body("match", equalTo("UNKNOWN"))
                .body("matchedNumber", nullValue())
                .body("callers", empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"call me", "12", "+49 123", "anonymous"})
    void whatIsNoPhoneNumberIsAProblemNamingTheParameter(String number) {
        as("service")
                .queryParam("number", number)
                .when()
                .get(LOOKUP)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("number"));
        as("service").when().get(LOOKUP).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theLookupNeedsAToken() {
        given().queryParam("number", "030 1234567")
                .when()
                .get(LOOKUP)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"marketing", "analyst", "dpo", "admin"})
    void onlySalesAndServiceMayLookUpCallers(String role) {
        as(role).queryParam("number", "030 1234567")
                .when()
                .get(LOOKUP)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }
}
