package org.opencdp.profile.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.counts;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.policy;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.purge;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencdp.subjectrights.testkit.RetentionPurgeContractTest;
import org.opencdp.testsupport.TestDatabase;

import io.quarkus.test.junit.QuarkusTest;

/**
 * profile-service's retention categories of the timeline against a real database, and what every service's purge
 * shares. {@code inactive-customer-profile} asks behaviour- and tracking-service as well: {@link
 * InactiveProfileRetentionTest}.
 */
@QuarkusTest
class ProfileRetentionPurgeTest extends RetentionPurgeContractTest {

    @Override
    protected List<String> heldCategories() {
        return List.of(
                "inactive-customer-profile",
                "call-records",
                "commercial-letters",
                "expired-leads",
                "unmatched-tickets");
    }

    /**
     * call-records (P6M, not rounded): a call expires six months after it took place; business letters and other
     * channels are not call records. Entries "long ago" are placed before 2016, where no other test writes.
     */
    @Test
    void aCallRecordPastItsPeriodGoesLettersAndOtherEntriesStay() {
        TestDatabase.execute("DELETE FROM timeline_entry WHERE occurred_at < '2016-01-01'");
        List<Map<String, Object>> sixMonths = List.of(policy("call-records", "P6M", false));
        Instant asOf = Instant.parse("2015-09-01T00:00:00Z"); // cutoff: 2015-03-01T00:00
        UUID expired = entryAt("CALL", false, "2015-02-28T23:59:59Z", null);
        UUID kept = entryAt("CALL", false, "2015-03-01T00:00:00Z", null);
        UUID letter = entryAt("CALL", true, "2010-05-01T10:00:00Z", null);
        UUID email = entryAt("EMAIL", false, "2010-05-01T10:00:00Z", null);

        assertThat(counts(purge(true, asOf, sixMonths), "call-records")).containsExactly(1, 0);
        assertThat(entries(expired, kept, letter, email)).isEqualTo(4);

        assertThat(counts(purge(false, asOf, sixMonths), "call-records")).containsExactly(1, 1);
        assertThat(entries(expired)).isZero();
        assertThat(entries(kept, letter, email)).isEqualTo(3);
    }

    /**
     * commercial-letters (P6Y to the end of the year): a letter of 2008 is kept to the end of 2014, so it goes once
     * 2015 has begun, also when it was kept under a legal hold after an erasure; a letter of 2009 stays through 2015.
     */
    @Test
    void aBusinessLetterGoesAfterTheEndOfItsYearPlusThePeriodHeldOrNot() {
        TestDatabase.execute("DELETE FROM timeline_entry WHERE occurred_at < '2016-01-01'");
        List<Map<String, Object>> sixYears = List.of(policy("commercial-letters", "P6Y", true));
        Instant asOf = Instant.parse("2015-12-31T23:00:00Z"); // cutoff: 2009-01-01T00:00
        UUID expired = entryAt("EMAIL", true, "2008-12-31T23:59:59Z", null);
        UUID held = entryAt("LETTER", true, "2008-03-01T10:00:00Z", "2014-12-31");
        UUID kept = entryAt("EMAIL", true, "2009-01-01T00:00:00Z", null);
        UUID keptHeld = entryAt("LETTER", true, "2009-03-01T10:00:00Z", "2015-12-31");
        UUID call = entryAt("CALL", false, "2005-05-01T10:00:00Z", null);

        assertThat(counts(purge(true, asOf, sixYears), "commercial-letters")).containsExactly(2, 0);
        assertThat(entries(expired, held, kept, keptHeld, call)).isEqualTo(5);

        assertThat(counts(purge(false, asOf, sixYears), "commercial-letters")).containsExactly(2, 2);
        assertThat(entries(expired, held)).isZero();
        assertThat(entries(kept, keptHeld, call)).isEqualTo(3);

        // The year 2015 has ended: the letters of 2009 have too.
        assertThat(counts(purge(false, Instant.parse("2016-01-01T00:00:01Z"), sixYears), "commercial-letters"))
                .containsExactly(2, 2);
        assertThat(entries(kept, keptHeld, call)).isOne();
    }

    /** A timeline entry as stored; the purge reads neither its content nor its customer, so both are stand-ins. */
    private static UUID entryAt(String channel, boolean businessLetter, String occurredAt, String retainedUntil) {
        UUID id = UUID.randomUUID();
        TestDatabase.execute(
                "INSERT INTO timeline_entry (id, subject_id, channel, direction, occurred_at, agent, source,"
                        + " business_letter, recorded_at, retained_until)"
                        + " VALUES (?, ?, ?, 'OUTBOUND', ?, '\\x00'::bytea, 'test', ?, ?, ?::date)",
                id,
                UUID.randomUUID(),
                channel,
                Timestamp.from(Instant.parse(occurredAt)),
                businessLetter,
                Timestamp.from(Instant.parse(occurredAt)),
                retainedUntil);
        return id;
    }

    private static long entries(UUID... ids) {
        long found = 0;
        for (UUID id : ids) {
            found += TestDatabase.count("SELECT count(*) FROM timeline_entry WHERE id = ?", id);
        }
        return found;
    }

    static UUID lastChangedAt(String at) {
        UUID id = CustomerFixtures.created(CustomerFixtures.person());
        TestDatabase.execute(
                "UPDATE customer SET created_at = ?, updated_at = ? WHERE id = ?",
                Timestamp.from(Instant.parse(at)),
                Timestamp.from(Instant.parse(at)),
                id);
        return id;
    }

    static long customers(UUID id) {
        return TestDatabase.count("SELECT count(*) FROM customer WHERE id = ?", id);
    }
}
