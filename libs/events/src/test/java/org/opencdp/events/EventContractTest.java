package org.opencdp.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencdp.events.consent.ConsentRevoked;
import org.opencdp.events.profile.CustomerDeleted;
import org.opencdp.events.profile.ProfileChanged;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Each record serialises to exactly its checked-in example and reads it back unchanged: renaming, adding or
 * dropping a field, or changing its type, fails here until the example (the contract) is changed too.
 */
class EventContractTest {

    private static final UUID SUBJECT = UUID.fromString("7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void profileChangedIsItsExample() throws Exception {
        ProfileChanged changed = new ProfileChanged(SUBJECT, "COMPANY", "35-44", "DE", "51", "de", "47.91", "SMALL");
        JsonNode example = EventContracts.example(ProfileChanged.TYPE, ProfileChanged.VERSION);

        JsonNode written = json.valueToTree(changed);
        assertThat(written).isEqualTo(example);
        assertThat(json.treeToValue(example, ProfileChanged.class)).isEqualTo(changed);
    }

    @Test
    void customerDeletedIsItsExample() throws Exception {
        CustomerDeleted deleted = new CustomerDeleted(SUBJECT);
        JsonNode example = EventContracts.example(CustomerDeleted.TYPE, CustomerDeleted.VERSION);

        JsonNode written = json.valueToTree(deleted);
        assertThat(written).isEqualTo(example);
        assertThat(json.treeToValue(example, CustomerDeleted.class)).isEqualTo(deleted);
    }

    @Test
    void consentRevokedIsItsExample() throws Exception {
        ConsentRevoked revoked = new ConsentRevoked(
                "SUBJECT",
                SUBJECT.toString(),
                List.of("web-analytics", "personalisation"),
                List.of(
                        new ConsentRevoked.Revoked(
                                "web-analytics",
                                UUID.fromString("019ac1a0-7e2b-7c4d-8e1f-2a3b4c5d6e7f"),
                                UUID.fromString("019ac19f-1a2b-7c3d-8e4f-5a6b7c8d9e0f")),
                        new ConsentRevoked.Revoked(
                                "personalisation",
                                UUID.fromString("019ac1a0-7e2b-7c4d-8e1f-2a3b4c5d6e80"),
                                UUID.fromString("019ac19f-1a2b-7c3d-8e4f-5a6b7c8d9e10"))),
                "2026-11-26T18:00:00.123456Z");
        JsonNode example = EventContracts.example(ConsentRevoked.TYPE, ConsentRevoked.VERSION);

        JsonNode written = json.valueToTree(revoked);
        assertThat(written).isEqualTo(example);
        assertThat(json.treeToValue(example, ConsentRevoked.class)).isEqualTo(revoked);
    }

    @Test
    void absentAttributesAreWrittenAsNullSoThePayloadAlwaysHasEveryField() {
        ProfileChanged person = new ProfileChanged(SUBJECT, "PERSON", "35-44", "DE", "51", "de", null, null);

        JsonNode written = json.valueToTree(person);

        EventContracts.assertHasTheShapeOf(written, ProfileChanged.TYPE, ProfileChanged.VERSION);
        assertThat(written.get("industryCode").isNull()).isTrue();
    }

    @Test
    void aConsumerReadsAPayloadOfALaterCompatibleProducerThatAddedAField() throws Exception {
        ObjectNode later = EventContracts.example(ProfileChanged.TYPE, ProfileChanged.VERSION)
                .deepCopy();
        later.put("loyaltyTier", "GOLD");

        assertThat(json.treeToValue(later, ProfileChanged.class).ageBand()).isEqualTo("35-44");
    }
}
