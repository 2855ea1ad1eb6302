package org.opencdp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class RetentionSeedTest {

    private static final UUID SUBJECT = UUID.fromString("7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c");
    private static final Instant START = Instant.parse("2026-11-27T08:00:00Z");

    @Test
    void anEventBatchCarriesTheSubjectAndNoTwoEventsLookAlike() throws Exception {
        JsonNode batch = BenchSuite.JSON.readTree(RetentionSeed.eventBatch(SUBJECT, "s1", START, 200, 100));

        assertThat(batch.get("events")).hasSize(100);
        Set<String> times = new HashSet<>();
        for (JsonNode event : batch.get("events")) {
            assertThat(event.get("subjectId").asText()).isEqualTo(SUBJECT.toString());
            assertThat(event.get("type").asText()).isIn("page_view", "click", "page_leave");
            times.add(event.get("clientTime").asText());
        }
        assertThat(times).hasSize(100);
        assertThat(batch.get("events").get(0).get("clientTime").asText()).isEqualTo("2026-11-27T08:00:00.200Z");
    }

    @Test
    void aBatchHasOneToAHundredEvents() {
        assertThatThrownBy(() -> RetentionSeed.eventBatch(SUBJECT, "s1", START, 0, 101))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetentionSeed.eventBatch(SUBJECT, "s1", START, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ordersAreOneNdjsonLineEachWithDistinctIdsAndTotalsThatMatchTheirLines() throws Exception {
        String[] lines = RetentionSeed.orders(SUBJECT, "1-x", START, 100).split("\n");

        assertThat(lines).hasSize(100);
        Set<String> ids = new HashSet<>();
        for (String line : lines) {
            JsonNode order = BenchSuite.JSON.readTree(line);
            ids.add(order.get("externalId").asText());
            assertThat(order.get("subjectId").asText()).isEqualTo(SUBJECT.toString());
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode l : order.get("lines")) {
                sum = sum.add(l.get("unitPrice")
                        .decimalValue()
                        .multiply(BigDecimal.valueOf(l.get("quantity").asInt())));
            }
            assertThat(order.get("total").decimalValue()).isEqualByComparingTo(sum);
            assertThat(Instant.parse(order.get("orderedAt").asText())).isBeforeOrEqualTo(START);
        }
        assertThat(ids).hasSize(100);
    }

    @Test
    void eurosAreWrittenExactlyInCents() {
        assertThat(RetentionSeed.euros(1205)).isEqualTo("12.05");
        assertThat(RetentionSeed.euros(90)).isEqualTo("0.90");
    }

    @Test
    void theReceiptSummaryNamesWhatWasErasedAndWhatIsKept() throws Exception {
        JsonNode receipt = BenchSuite.JSON.readTree("""
                {"services":[{"participant":"tracking","report":{"categories":[
                   {"category":"web-events","erased":10000,"keptUnderLegalHold":0}]}},
                 {"participant":"behaviour","report":{"categories":[
                   {"category":"orders","erased":0,"keptUnderLegalHold":100,"keptUntil":"2034-12-31"},
                   {"category":"kpis","erased":0,"keptUnderLegalHold":0}]}}]}""");

        assertThat(RetentionBench.summary(receipt))
                .isEqualTo("tracking web-events: erased 10000; behaviour orders: kept 100 until 2034-12-31");
        assertThat(RetentionBench.summary(null)).isEqualTo("none");
    }
}
