package org.opencdp.retention.purge;

import static org.assertj.core.api.Assertions.assertThat;

import org.opencdp.subjectrights.RetentionCategories;

import com.fasterxml.jackson.databind.JsonNode;

/** What a participant received, read as the contract's JSON. */
final class JsonNodeAssert {

    private JsonNodeAssert() {}

    static void sent(JsonNode order, String runId, boolean dryRun, String asOf) {
        assertThat(order.get("runId").asText()).isEqualTo(runId);
        assertThat(order.get("dryRun").asBoolean()).isEqualTo(dryRun);
        assertThat(order.get("asOf").asText()).isEqualTo(asOf);
        assertThat(order.get("policies")).hasSize(RetentionCategories.ALL.size());
        JsonNode vouchers = null;
        for (JsonNode policy : order.get("policies")) {
            if (policy.get("category").asText().equals("booking-vouchers")) {
                vouchers = policy;
            }
        }
        assertThat(vouchers).isNotNull();
        assertThat(vouchers.get("period").asText()).isEqualTo("P8Y");
        assertThat(vouchers.get("roundToEndOfYear").asBoolean()).isTrue();
    }
}
