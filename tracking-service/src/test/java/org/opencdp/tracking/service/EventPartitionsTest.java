package org.opencdp.tracking.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithPostgres
class EventPartitionsTest {

    @Inject
    EventPartitions partitions;

    private static boolean exists(YearMonth month) {
        return TestDatabase.count(
                        "SELECT count(*) FROM pg_class WHERE relname = ?",
                        "tracked_event_" + month.format(DateTimeFormatter.ofPattern("yyyy_MM")))
                == 1;
    }

    @Test
    void partitionsAreCreatedAheadAndOldMonthsAreLeftToTheRetentionPurge() {
        YearMonth current = YearMonth.from(LocalDate.now(ZoneOffset.UTC));
        YearMonth old = current.minusMonths(14);
        String partition = "tracked_event_" + old.format(DateTimeFormatter.ofPattern("yyyy_MM"));
        TestDatabase.execute("CREATE TABLE IF NOT EXISTS " + partition
                + " PARTITION OF tracked_event FOR VALUES FROM ('" + old.atDay(1) + " 00:00:00+00') TO ('"
                + old.plusMonths(1).atDay(1) + " 00:00:00+00')");

        partitions.maintain();

        assertThat(exists(current)).isTrue();
        assertThat(exists(current.plusMonths(1))).isTrue();
        assertThat(exists(current.plusMonths(2))).isTrue();
        // Older than the default 13 months, but whether it has expired is the policy's to say
        // (TrackingRetentionPurgeTest).
        assertThat(exists(old)).isTrue();
        TestDatabase.execute("DROP TABLE " + partition);
    }

    @Test
    void theApplicationsRoleChangesPartitionsOnlyThroughTheOwnersFunctionsAndNeverDropsTheCurrentMonth()
            throws SQLException {
        YearMonth current = YearMonth.from(LocalDate.now(ZoneOffset.UTC));
        partitions.maintain();

        try (Connection c = TestDatabase.AS_APPLICATION.connect();
                Statement statement = c.createStatement()) {
            String partition = "tracked_event_" + current.format(DateTimeFormatter.ofPattern("yyyy_MM"));
            assertThatThrownBy(() -> statement.execute("DROP TABLE " + partition))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("must be owner");
            assertThatThrownBy(() ->
                            statement.execute("SELECT tracked_event_drop_partition(date_trunc('month', now())::date)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("only a month that has ended");
        }
        assertThat(exists(current)).isTrue();
    }

    @Test
    void revokedLedgerEntriesAreForgottenAfterADay() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        TestDatabase.execute(
                "INSERT INTO revoked_consent_entry (entry_id, revoked_at) VALUES (?, now() - interval '25 hours'), "
                        + "(?, now() - interval '1 hour')",
                old,
                recent);

        partitions.maintain();

        assertThat(TestDatabase.count("SELECT count(*) FROM revoked_consent_entry WHERE entry_id = ?", old))
                .isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM revoked_consent_entry WHERE entry_id = ?", recent))
                .isEqualTo(1);
    }
}
