package org.opencdp.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencdp.localstack.DemoUser;
import org.opencdp.localstack.Service;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The customer master data as its users meet it, with real logins: sales creates a person and a company with a
 * contact and finds them again; an edit from a stale copy is refused; marketing does not see the payment method;
 * the analyst and the dpo read no single customer, and the dpo sees every access; behaviour-service learns the
 * segment attributes through the outbox and forgets them when the customer is deleted.
 */
@WithLocalSuite
class CustomerJourneyTest {

    private static final Duration OUTBOX_DELIVERY = Duration.ofSeconds(30);

    private static E2eSuite suite;

    @BeforeAll
    static void connect(E2eSuite started) {
        suite = started;
    }

    @Test
    void salesCreatesAPersonAndACompanyWithAContactAndFindsThePersonByPhoneInThreeNotations() {
        String digits = randomDigits(7);
        String id = created(DemoUser.SALES, person("0171 " + digits));

        for (String notation : List.of("0171 " + digits, "+49 171 " + digits, "0049 (171) " + digits)) {
            as(DemoUser.SALES).queryParam("phone", notation).when().get(customers())
                    .then().statusCode(200)
                    .body("items", hasSize(1))
                    .body("items[0].id", equalTo(id))
                    .body("items[0].phones[0].number", equalTo("+49171" + digits));
        }

        String companyId = created(DemoUser.SALES, company());
        String contactLocation = as(DemoUser.SALES)
                .body(Map.of("person", person("0172 " + randomDigits(7)), "jobTitle", "Head of Purchasing"))
                .when().post(customers() + "/" + companyId + "/contacts")
                .then().statusCode(201).extract().header("Location");
        as(DemoUser.SALES).when().get(customers() + "/" + companyId).then().statusCode(200)
                .body("contacts", hasSize(1))
                .body("contacts[0].jobTitle", equalTo("Head of Purchasing"));
        as(DemoUser.SALES).when().get(contactLocation).then().statusCode(200)
                .body("companies[0].customerId", equalTo(companyId));
    }

    @Test
    void anUpdateFromAStaleCopyGets412AndChangesNothing() {
        Map<String, Object> person = person("0171 " + randomDigits(7));
        String id = created(DemoUser.SALES, person);
        as(DemoUser.SALES).header("If-Match", "\"0\"").body(Map.of("title", "Prof."))
                .contentType("application/merge-patch+json")
                .when().patch(customers() + "/" + id).then().statusCode(200).header("ETag", "\"1\"");

        Response stale = as(DemoUser.SALES).header("If-Match", "\"0\"").body(person).when().put(customers() + "/" + id);

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        as(DemoUser.SALES).when().get(customers() + "/" + id).then().body("title", equalTo("Prof."))
                .header("ETag", "\"1\"");
    }

    @Test
    void marketingAndServiceDoNotSeeThePaymentMethodAndTheDpoSeesEveryAccess() {
        String id = created(DemoUser.SALES, person("0171 " + randomDigits(7)));

        as(DemoUser.SALES).when().get(customers() + "/" + id).then().statusCode(200)
                .body("$", hasKey("preferredPaymentMethod"));
        as(DemoUser.MARKETING).when().get(customers() + "/" + id).then().statusCode(200)
                .body("familyName", equalTo("Mustermann"))
                .body("$", not(hasKey("preferredPaymentMethod")));
        as(DemoUser.SERVICE).when().get(customers() + "/" + id).then().statusCode(200)
                .body("$", not(hasKey("preferredPaymentMethod")));
        as(DemoUser.DPO).when().get(customers() + "/" + id).then().statusCode(403);
        as(DemoUser.ANALYST).when().get(customers() + "/" + id).then().statusCode(403);

        JsonPath trail = as(DemoUser.DPO).when().get(suite.url(Service.PROFILE) + "/api/v1/audit/subjects/" + id)
                .then().statusCode(200).body("chainIntact", equalTo(true)).extract().jsonPath();
        assertThat(trail.getList("entries.actor", String.class)).containsExactly("sales", "sales", "marketing", "service");
        assertThat(trail.getList("entries.action", String.class))
                .containsExactly("customer.create", "customer.read", "customer.read", "customer.read");
    }

    @Test
    void behaviourServiceLearnsTheSegmentAttributesThroughTheOutboxAndForgetsThemOnDeletion() {
        String id = created(DemoUser.SALES, person("0171 " + randomDigits(7)));
        String retention = suite.keycloak().serviceToken(Service.RETENTION, Service.BEHAVIOUR);

        await().atMost(OUTBOX_DELIVERY).untilAsserted(() -> given().auth().oauth2(retention)
                .when().get(suite.url(Service.BEHAVIOUR) + "/api/v1/subject-rights/" + id)
                .then().statusCode(200)
                .body("categories.find { it.category == 'customer-attributes' }.records", equalTo(1))
                .body("categories.find { it.category == 'customer-attributes' }.data[0].ageBand", equalTo("35-44"))
                .body("categories.find { it.category == 'customer-attributes' }.data[0].country", equalTo("DE"))
                .body("categories.find { it.category == 'customer-attributes' }.data[0].postcodeRegion", equalTo("51")));

        as(DemoUser.SALES).header("If-Match", "\"0\"").when().delete(customers() + "/" + id).then().statusCode(204);

        await().atMost(OUTBOX_DELIVERY).untilAsserted(() -> given().auth().oauth2(retention)
                .when().get(suite.url(Service.BEHAVIOUR) + "/api/v1/subject-rights/" + id)
                .then().statusCode(200)
                .body("categories.find { it.category == 'customer-attributes' }.records", equalTo(0)));
        // Nothing the behaviour-service received names the person.
        given().auth().oauth2(retention).when().get(suite.url(Service.BEHAVIOUR) + "/api/v1/subject-rights/" + id)
                .then().body(not(org.hamcrest.Matchers.containsString("Mustermann")))
                .body("categories.category", hasItem("customer-attributes"));
    }

    private static String customers() {
        return suite.url(Service.PROFILE) + "/api/v1/customers";
    }

    private static RequestSpecification as(DemoUser user) {
        return given().auth().oauth2(suite.keycloak().login(user)).contentType(ContentType.JSON);
    }

    private static String created(DemoUser user, Map<String, Object> customer) {
        return as(user).body(customer).when().post(customers())
                .then().statusCode(201).header("ETag", "\"0\"")
                .extract().path("id");
    }

    private static Map<String, Object> person(String phone) {
        Map<String, Object> person = new LinkedHashMap<>(Map.of("type", "PERSON", "salutation", "MS",
                "givenName", "Erika", "familyName", "Mustermann", "birthDate", "1984-08-12", "gender", "FEMALE",
                "language", "de"));
        person.put("addresses", List.of(Map.of("type", "HOME", "street", "Heidestraße 17", "postcode", "51147",
                "city", "Köln", "country", "DE")));
        person.put("emails", List.of(Map.of("address", "erika." + randomDigits(6) + "@example.de")));
        person.put("phones", List.of(Map.of("number", phone, "type", "MOBILE")));
        person.put("preferredPaymentMethod", Map.of("type", "CREDIT_CARD", "maskedReference", "**** **** **** 4242"));
        return person;
    }

    private static Map<String, Object> company() {
        return Map.of("type", "COMPANY", "companyName", "Musterbau " + randomDigits(4) + " GmbH",
                "industryCode", "41.20", "companySize", "SMALL", "revenuePotential", "HIGH",
                "addresses", List.of(Map.of("type", "OFFICE", "street", "Industriestraße 4", "postcode", "80331",
                        "city", "München", "country", "DE")));
    }

    private static String randomDigits(int count) {
        StringBuilder digits = new StringBuilder();
        digits.append(ThreadLocalRandom.current().nextInt(1, 10));
        for (int i = 1; i < count; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }
}
