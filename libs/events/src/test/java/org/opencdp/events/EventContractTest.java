package org.opencdp.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
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
