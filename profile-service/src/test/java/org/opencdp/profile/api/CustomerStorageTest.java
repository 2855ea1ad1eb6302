package org.opencdp.profile.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencdp.profile.api.CustomerFixtures.CUSTOMERS;
import static org.opencdp.profile.api.CustomerFixtures.as;
import static org.opencdp.profile.api.CustomerFixtures.created;
import static org.opencdp.profile.api.CustomerFixtures.person;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;

/** What a customer leaves in the database: ciphertext, blind-index hashes, audit entries, outbox events. */
@QuarkusTest
@WithPostgres
class CustomerStorageTest {

    @Test
    void aCustomerReadStraightFromTheDatabaseRevealsNothing() {
        Map<String, Object> person = person();
        UUID id = created(person);
        Map<String, Object> row =
                TestDatabase.rows("SELECT * FROM customer WHERE id = ?", id).get(0);
        String everything = row.values().stream()
                .map(value -> value instanceof byte[] bytes
                        ? new String(bytes, StandardCharsets.ISO_8859_1) + new String(bytes, StandardCharsets.UTF_8)
                        : String.valueOf(value))
                .reduce("", String::concat);
        assertThat(everything)
                .doesNotContain(
                        (String) person.get("givenName"),
                        "Müller",
                        "Lüdenscheidt",
                        CustomerFixtures.emailOf(person),
                        "Heidestraße",
                        "51147",
                        "1984",
                        "4242",
                        "outdoor");
        List<Map<String, Object>> terms =
                TestDatabase.rows("SELECT hash FROM customer_search_term WHERE customer_id = ?", id);
        assertThat(terms)
                .isNotEmpty()
                .allSatisfy(term -> assertThat((byte[]) term.get("hash")).hasSize(16));
    }

    @Test
    void everyReadAndChangeIsInTheAuditTrailWithoutPersonalData() {
        Map<String, Object> person = person();
        UUID id = created(person);
        as("service").when().get(CUSTOMERS + "/" + id).then().statusCode(200);
        as("sales")
                .header("If-Match", "\"0\"")
                .body(person)
                .when()
                .put(CUSTOMERS + "/" + id)
                .then()
                .statusCode(200);
        as("service")
                .queryParam("email", CustomerFixtures.emailOf(person))
                .when()
                .get(CUSTOMERS)
                .then()
                .statusCode(200);

        List<Map<String, Object>> trail = TestDatabase.rows(
                "SELECT actor, action, purpose FROM audit_entry WHERE subject_id = ? ORDER BY id", id);
        assertThat(trail)
                .extracting(e -> e.get("action") + " by " + e.get("actor"))
                .containsExactly(
                        "customer.create by sales.user",
                        "customer.read by service.user",
                        "customer.update by sales.user",
                        "customer.search-hit by service.user");
        String all = TestDatabase.rows("SELECT * FROM audit_entry WHERE subject_id = ?", id)
                .toString();
        assertThat(all).doesNotContain((String) person.get("givenName"), CustomerFixtures.emailOf(person), "Müller");
    }

    @Test
    void changesAreToldToOtherServicesWithSegmentAttributesOnly() {
        Map<String, Object> person = person();
        UUID id = created(person);
        as("sales")
                .header("If-Match", "\"0\"")
                .when()
                .delete(CUSTOMERS + "/" + id)
                .then()
                .statusCode(204);
        List<Map<String, Object>> events = TestDatabase.rows(
                "SELECT type, payload::text AS payload FROM outbox_event WHERE subject_id = ? ORDER BY occurred_at",
                id);
        assertThat(events).extracting(e -> e.get("type")).containsExactly("profile.changed", "customer.deleted");
        String changed = (String) events.get(0).get("payload");
        assertThat(changed)
                .contains("\"ageBand\"", "\"country\": \"DE\"", "\"postcodeRegion\": \"51\"")
                .doesNotContain(
                        (String) person.get("givenName"), CustomerFixtures.emailOf(person), "51147", "1984-08-12");
    }
}
