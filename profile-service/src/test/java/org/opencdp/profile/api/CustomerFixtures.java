package org.opencdp.profile.api;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.opencdp.testsupport.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Request bodies and calls the customer tests share. */
final class CustomerFixtures {

    static final String CUSTOMERS = "/api/v1/customers";

    private CustomerFixtures() {}

    static RequestSpecification as(String role) {
        return given().auth().oauth2(TestTokens.forRole(role)).contentType(ContentType.JSON);
    }

    /** A complete person; each call gets a unique name, e-mail and phone so searches stay unambiguous. */
    static Map<String, Object> person() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> person = new HashMap<>();
        person.put("type", "PERSON");
        person.put("salutation", "MS");
        person.put("title", "Dr.");
        person.put("givenName", "Jürgen" + unique);
        person.put("familyName", "Müller-Lüdenscheidt");
        person.put("birthDate", "1984-08-12");
        person.put("gender", "DIVERSE");
        person.put("occupation", "Tischlermeisterin");
        person.put("language", "de");
        person.put(
                "addresses",
                List.of(Map.of(
                        "type",
                        "HOME",
                        "street",
                        "Heidestraße 17",
                        "postcode",
                        "51147",
                        "city",
                        "Köln",
                        "country",
                        "DE")));
        person.put(
                "emails", List.of(Map.of("address", "j." + unique + "@example.de", "use", "PRIVATE", "primary", true)));
        person.put("phones", List.of(Map.of("number", "0171 " + uniqueDigits(7), "type", "MOBILE", "primary", true)));
        person.put("preferredPaymentMethod", Map.of("type", "CREDIT_CARD", "maskedReference", "**** **** **** 4242"));
        person.put("interests", List.of("outdoor", "dogs"));
        person.put("acquisitionSource", "ONLINE_SHOP");
        return person;
    }

    static Map<String, Object> company() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> company = new HashMap<>();
        company.put("type", "COMPANY");
        company.put("companyName", "Musterbau " + unique + " GmbH");
        company.put("industryCode", "41.20");
        company.put("companySize", "SMALL");
        company.put("revenuePotential", "HIGH");
        company.put("language", "de");
        company.put(
                "addresses",
                List.of(Map.of(
                        "type",
                        "OFFICE",
                        "street",
                        "Industriestraße 4",
                        "postcode",
                        "80331",
                        "city",
                        "München",
                        "country",
                        "DE")));
        company.put("emails", List.of(Map.of("address", "einkauf-" + unique + "@musterbau.example", "use", "WORK")));
        company.put(
                "preferredPaymentMethod",
                Map.of("type", "SEPA_DIRECT_DEBIT", "maskedReference", "DE89 **** **** **** **30 00"));
        return company;
    }

    static Response create(Map<String, Object> customer) {
        return as("sales").body(customer).when().post(CUSTOMERS);
    }

    static UUID created(Map<String, Object> customer) {
        return UUID.fromString(create(customer).then().statusCode(201).extract().path("id"));
    }

    static String phoneOf(Map<String, Object> customer) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> phones = (List<Map<String, Object>>) customer.get("phones");
        return (String) phones.get(0).get("number");
    }

    static String emailOf(Map<String, Object> customer) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> emails = (List<Map<String, Object>>) customer.get("emails");
        return (String) emails.get(0).get("address");
    }

    private static String uniqueDigits(int count) {
        long value = Math.abs(UUID.randomUUID().getLeastSignificantBits()) % (long) Math.pow(10, count);
        String digits = String.format("%0" + count + "d", value);
        return digits.charAt(0) == '0' ? "1" + digits.substring(1) : digits;
    }
}
