package org.opencdp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The batches the target-load runs send, as bench/wrk/tracking-collect.lua builds them. */
class TrackingBenchTest {

    private static final Instant FIRST = Instant.parse("2026-11-27T08:00:00.998Z");

    @Test
    void aBatchHoldsTenEventsOfEachOfTenVisitorsOneMillisecondApart() throws Exception {
        JsonNode events = BenchSuite.JSON
                .readTree(TrackingBench.batch("5e000004000000000000000000000000", FIRST))
                .get("events");

        assertThat(events).hasSize(100);
        List<Instant> times = new ArrayList<>();
        for (int k = 0; k < 100; k++) {
            JsonNode event = events.get(k);
            assertThat(event.get("sessionId").asText()).isEqualTo("5e000004000000000000000000000000");
            assertThat(event.get("visitorId").asText())
                    .matches("be[0-9a-f]{30}")
                    .isEqualTo(events.get(k - k % 10).get("visitorId").asText());
            assertThat(event.get("type").asText())
                    .isEqualTo(List.of("page_view", "click", "page_leave").get(k % 10 % 3));
            // The tracker's shape (Date.toISOString()), milliseconds always written: ".000" included.
            assertThat(event.get("clientTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            times.add(Instant.parse(event.get("clientTime").asText()));
        }
        assertThat(times.getFirst()).isEqualTo(FIRST);
        assertThat(times.getLast()).isEqualTo(FIRST.plusMillis(99));
        assertThat(times).isSorted().doesNotHaveDuplicates();
        assertThat(events.get(2).get("scrollDepth").asInt()).isBetween(0, 100);
        assertThat(events.get(98).get("scrollDepth").asInt()).isBetween(0, 100);
    }
}
