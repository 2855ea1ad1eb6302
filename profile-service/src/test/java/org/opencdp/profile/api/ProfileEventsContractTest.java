package org.opencdp.profile.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencdp.profile.api.CustomerFixtures.CUSTOMERS;
import static org.opencdp.profile.api.CustomerFixtures.as;
import static org.opencdp.profile.api.CustomerFixtures.company;
import static org.opencdp.profile.api.CustomerFixtures.created;
import static org.opencdp.profile.api.CustomerFixtures.person;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencdp.events.EventContracts;
import org.opencdp.events.profile.CustomerDeleted;
import org.opencdp.events.profile.ProfileChanged;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What profile-service writes to its outbox has the shape of the contract examples in libs/events: the fields,
 * their JSON types, the type name and version. A field renamed, added or dropped here alone fails this test.
 */
@QuarkusTest
@WithPostgres
class ProfileEventsContractTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aCreatedPersonIsToldAsAProfileChangedOfTheContract() throws Exception {
        UUID id = created(person());

        Map<String, Object> event = onlyEvent(id, ProfileChanged.TYPE);

        assertThat(event).containsEntry("version", ProfileChanged.VERSION);
        JsonNode payload = json.readTree((String) event.get("payload"));
        EventContracts.assertHasTheShapeOf(payload, ProfileChanged.TYPE, ProfileChanged.VERSION);
        assertThat(payload.get("subjectId").asText()).isEqualTo(id.toString());
        assertThat(payload.get("kind").asText()).isEqualTo("PERSON");
        assertThat(payload.get("ageBand").asText()).matches("\\d{2}-\\d{2}");
    }

    @Test
    void aCreatedCompanyIsToldWithItsB2bBands() throws Exception {
        UUID id = created(company());

        JsonNode payload =
                json.readTree((String) onlyEvent(id, ProfileChanged.TYPE).get("payload"));

        EventContracts.assertHasTheShapeOf(payload, ProfileChanged.TYPE, ProfileChanged.VERSION);
        assertThat(payload.get("industryCode").asText()).isEqualTo("41.20");
        assertThat(payload.get("companySize").asText()).isEqualTo("SMALL");
    }

    @Test
    void aDeletedCustomerIsToldAsACustomerDeletedOfTheContract() throws Exception {
        UUID id = created(person());
        as("sales")
                .header("If-Match", "\"0\"")
                .when()
                .delete(CUSTOMERS + "/" + id)
                .then()
                .statusCode(204);

        Map<String, Object> event = onlyEvent(id, CustomerDeleted.TYPE);

        assertThat(event).containsEntry("version", CustomerDeleted.VERSION);
        JsonNode payload = json.readTree((String) event.get("payload"));
        EventContracts.assertHasTheShapeOf(payload, CustomerDeleted.TYPE, CustomerDeleted.VERSION);
        assertThat(payload.get("subjectId").asText()).isEqualTo(id.toString());
    }

    private static Map<String, Object> onlyEvent(UUID subject, String type) {
        List<Map<String, Object>> events = TestDatabase.rows(
                "SELECT version, payload::text AS payload " + "FROM outbox_event WHERE subject_id = ? AND type = ?",
                subject,
                type);
        assertThat(events).hasSize(1);
        return events.get(0);
    }
}
