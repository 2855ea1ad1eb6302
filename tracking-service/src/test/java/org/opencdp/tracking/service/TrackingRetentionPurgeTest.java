package org.opencdp.tracking.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.counts;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.policy;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.purge;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencdp.subjectrights.testkit.RetentionPurgeContractTest;
import org.opencdp.testsupport.TestDatabase;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * tracking-service's retention categories against a real database: raw events (expired months dropped whole, the
 * rest deleted in batches) and daily aggregates. Each test starts from empty tables (as the owner) so the report's
 * counts are exact.
 */
@QuarkusTest
class TrackingRetentionPurgeTest extends RetentionPurgeContractTest {

    private static final List<Map<String, Object>> RAW_13_MONTHS =
            List.of(policy(RawEventRetention.NAME, "P13M", false));

    @Inject
    EventPartitions partitions;

    private YearMonth current;

    @Override
    protected List<String> heldCategories() {
        return List.of(RawEventRetention.NAME, DailyAggregateRetention.NAME);
    }

    @BeforeEach
    void emptyTables() {
        partitions.maintain();
        current = YearMonth.from(LocalDate.now(ZoneOffset.UTC));
        for (String table : List.of("tracked_event", "site_day", "page_day", "click_day")) {
            TestDatabase.execute("DELETE FROM " + table);
        }
    }

    @Test
    void aMonthWhollyExpiredIsDroppedAndExactlyItsEventsAreCounted() {
        YearMonth old = current.minusMonths(3);
        createPartition(old);
        UUID first = eventReceivedAt(old.atDay(10).atStartOfDay(ZoneOffset.UTC).toInstant());
        UUID last = eventReceivedAt(old.atEndOfMonth().atTime(23, 59).toInstant(ZoneOffset.UTC));
        UUID recent = eventReceivedAt(Instant.now());
        // P13M from the first day of the month after: every event of the old month has expired, none later.
        Instant asOf = old.plusMonths(14).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();

        JsonPath preview = purge(true, asOf, RAW_13_MONTHS);
        assertThat(counts(preview, RawEventRetention.NAME)).containsExactly(2, 0);
        assertThat(eventsNamed(first, last, recent)).isEqualTo(3);
        assertThat(partitionExists(old)).isTrue();

        JsonPath report = purge(false, asOf, RAW_13_MONTHS);
        assertThat(counts(report, RawEventRetention.NAME)).containsExactly(2, 2);
        assertThat(partitionExists(old)).isFalse();
        assertThat(eventsNamed(recent)).isOne();
    }

    @Test
    void eventsOfAMonthNotWhollyExpiredGoRowByRow() {
        Instant now = Instant.now();
        UUID early = eventReceivedAt(now.minusSeconds(2));
        UUID later = eventReceivedAt(now.plusSeconds(3600));
        // The cutoff falls between the two events, in the current month, whose partition must stay. (Days, not
        // months: a period in days ends exactly, whatever day of the month the test runs on.)
        Instant asOf = now.plus(400, java.time.temporal.ChronoUnit.DAYS);

        JsonPath report = purge(false, asOf, List.of(policy(RawEventRetention.NAME, "P400D", false)));

        assertThat(counts(report, RawEventRetention.NAME)).containsExactly(1, 1);
        assertThat(eventsNamed(early)).isZero();
        assertThat(eventsNamed(later)).isOne();
        assertThat(partitionExists(current)).isTrue();
    }

    @Test
    void dailyAggregatesExpireOnceTheirDayPlusThePeriodIsOver() {
        for (String day : List.of("2017-12-30", "2017-12-31", "2018-01-01")) {
            TestDatabase.execute(
                    "INSERT INTO site_day (day, site_key, visitors, sessions, bounced_sessions, page_views)"
                            + " VALUES (?, 'site_demo', 1, 1, 0, 1)",
                    Date.valueOf(day));
            TestDatabase.execute(
                    "INSERT INTO click_day (day, site_key, url, element, clicks) VALUES (?, 'site_demo', '/', 'buy', 2)",
                    Date.valueOf(day));
        }
        // 31 Dec 2017 ends at 1 Jan 2018 00:00; + P25M = 1 Feb 2020 00:00, not before asOf: kept. 30 Dec goes.
        Instant asOf = Instant.parse("2020-02-01T00:00:00Z");
        List<Map<String, Object>> policies = List.of(policy(DailyAggregateRetention.NAME, "P25M", false));

        assertThat(counts(purge(true, asOf, policies), DailyAggregateRetention.NAME))
                .containsExactly(2, 0);
        assertThat(counts(purge(false, asOf, policies), DailyAggregateRetention.NAME))
                .containsExactly(2, 2);

        assertThat(TestDatabase.rows("SELECT day::text AS day FROM site_day ORDER BY day"))
                .extracting(row -> row.get("day"))
                .containsExactly("2017-12-31", "2018-01-01");
        assertThat(TestDatabase.count("SELECT count(*) FROM click_day")).isEqualTo(2);
    }

    private static UUID eventReceivedAt(Instant at) {
        UUID id = UUID.randomUUID();
        TestDatabase.execute(
                "INSERT INTO tracked_event (id, received_at, site_key, type, visitor_id, session_id, url, client_time,"
                        + " browser, device_class, consent_entry_id) VALUES (?, ?, 'site_demo', 'page_view',"
                        + " md5(random()::text), md5(random()::text), '/', ?, 'Chrome', 'desktop', ?)",
                id,
                Timestamp.from(at),
                Timestamp.from(at),
                UUID.randomUUID());
        return id;
    }

    private static long eventsNamed(UUID... ids) {
        long found = 0;
        for (UUID id : ids) {
            found += TestDatabase.count("SELECT count(*) FROM tracked_event WHERE id = ?", id);
        }
        return found;
    }

    private static String partitionName(YearMonth month) {
        return "tracked_event_" + month.format(DateTimeFormatter.ofPattern("yyyy_MM"));
    }

    private static boolean partitionExists(YearMonth month) {
        return TestDatabase.count("SELECT count(*) FROM pg_class WHERE relname = ?", partitionName(month)) == 1;
    }

    private static void createPartition(YearMonth month) {
        TestDatabase.execute("CREATE TABLE IF NOT EXISTS " + partitionName(month) + " PARTITION OF tracked_event"
                + " FOR VALUES FROM ('" + month.atDay(1) + " 00:00:00+00') TO ('"
                + month.plusMonths(1).atDay(1)
                + " 00:00:00+00')");
    }
}
