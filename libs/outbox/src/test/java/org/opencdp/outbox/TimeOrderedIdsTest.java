package org.opencdp.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void anIdIsAVersion7UuidOfTheIetfVariantCarryingItsMillisecond() {
        UUID id = TimeOrderedIds.at(1_764_000_000_123L);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(TimeOrderedIds.epochMillis(id)).isEqualTo(1_764_000_000_123L);
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnesAsPostgresComparesThem() {
        UUID earlier = TimeOrderedIds.at(1_764_000_000_000L);
        UUID later = TimeOrderedIds.at(1_764_000_000_001L);

        // PostgreSQL compares uuids as unsigned bytes; the time prefix is positive, so its high bits compare alike.
        assertThat(later.toString()).isGreaterThan(earlier.toString());
        assertThat(Long.compareUnsigned(later.getMostSignificantBits(), earlier.getMostSignificantBits()))
                .isPositive();
    }

    @Test
    void twoIdsOfTheSameMillisecondDiffer() {
        assertThat(TimeOrderedIds.at(42)).isNotEqualTo(TimeOrderedIds.at(42));
    }

    @Test
    void idsMadeInTheSameMillisecondStillSortInTheOrderTheyWereMade() {
        var ids = new TimeOrderedIds.Monotonic();
        UUID previous = ids.next(1_764_000_000_000L);
        for (int i = 0; i < 10_000; i++) {
            UUID id = ids.next(1_764_000_000_000L);
            assertThat(id.toString()).isGreaterThan(previous.toString());
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
            previous = id;
        }
    }

    @Test
    void aClockThatStepsBackDoesNotReverseTheOrder() {
        var ids = new TimeOrderedIds.Monotonic();
        UUID first = ids.next(1_764_000_000_500L);
        UUID afterStepBack = ids.next(1_764_000_000_100L);

        assertThat(afterStepBack.toString()).isGreaterThan(first.toString());
        assertThat(TimeOrderedIds.epochMillis(afterStepBack)).isEqualTo(1_764_000_000_500L);
    }

    @Test
    void aRandomUuidHasNoTime() {
        assertThatIllegalArgumentException().isThrownBy(() -> TimeOrderedIds.epochMillis(UUID.randomUUID()));
    }
}
