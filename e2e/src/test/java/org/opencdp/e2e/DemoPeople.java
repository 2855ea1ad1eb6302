package org.opencdp.e2e;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.opencdp.localstack.DemoUser;
import org.opencdp.localstack.Service;

/**
 * The person the tests create at profile-service through its API, as sales does: Erika Mustermann, German, with an
 * e-mail address of her own (a fresh one each time, so that no two tests' customers share a contact). A test that
 * needs more (an address, a payment method, another family name) names only those fields.
 */
final class DemoPeople {

    private DemoPeople() {}

    /** Creates the demo person; returns the customer id. */
    static String create(E2eSuite suite) {
        return create(suite, Map.of());
    }

    /** Creates the demo person with {@code fields} added to or replacing the demo's; returns the customer id. */
    static String create(E2eSuite suite, Map<String, Object> fields) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("type", "PERSON");
        person.put("givenName", "Erika");
        person.put("familyName", "Mustermann");
        person.put("language", "de");
        person.put("emails", List.of(Map.of("address", "e." + UUID.randomUUID() + "@example.de")));
        person.putAll(fields);
        return suite.as(DemoUser.SALES, Service.PROFILE)
                .body(person)
                .when()
                .post("/api/v1/customers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
