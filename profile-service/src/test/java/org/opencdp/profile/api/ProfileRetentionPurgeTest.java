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
 * profile-service's retention category {@code inactive-customer-profile} against a real database: a customer
 * unchanged for the period (3 years to the end of the year) is erased as by an erasure request: the row goes, the
 * key is destroyed, and the {@code customer.deleted} event tells the other services. Profiles "long ago" are placed
 * in 2015-2019 so the customers of other tests (changed now) never expire in these runs.
 */
@QuarkusTest
class ProfileRetentionPurgeTest extends RetentionPurgeContractTest {

    private static final List<Map<String, Object>> THREE_YEARS =
            List.of(policy("inactive-customer-profile", "P3Y", true));
    private static final Instant AS_OF = Instant.parse("2022-06-01T00:00:00Z");

    @Override
    protected List<String> heldCategories() {
        return List.of("inactive-customer-profile");
    }

    @Test
    void aProfileUnchangedForThePeriodIsErasedAndTheOthersAreToldTheRestStays() {
        TestDatabase.execute("DELETE FROM customer WHERE updated_at < '2020-01-01'");
        UUID inactive = lastChangedAt("2018-12-31T23:00:00Z"); // + P3Y ends with 2021: expired by June 2022
        UUID active = lastChangedAt("2019-01-01T00:00:00Z"); // ends with 2022: kept

        assertThat(counts(purge(true, AS_OF, THREE_YEARS), "inactive-customer-profile"))
                .containsExactly(1, 0);
        assertThat(customers(inactive)).isOne();

        assertThat(counts(purge(false, AS_OF, THREE_YEARS), "inactive-customer-profile"))
                .containsExactly(1, 1);
        assertThat(customers(inactive)).isZero();
        assertThat(TestDatabase.KEYS.number(
                        "SELECT count(*) FROM subject_key WHERE subject_id = ? AND erased_at IS NOT NULL", inactive))
                .isOne();
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM outbox_event WHERE subject_id = ? AND type = 'customer.deleted'",
                        inactive))
                .isOne();
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action = 'subject.erase'"
                                + " AND purpose = 'retention policy inactive-customer-profile: period ended'",
                        inactive))
                .isOne();
        assertThat(customers(active)).isOne();
    }

    private static UUID lastChangedAt(String at) {
        UUID id = CustomerFixtures.created(CustomerFixtures.person());
        TestDatabase.execute(
                "UPDATE customer SET created_at = ?, updated_at = ? WHERE id = ?",
                Timestamp.from(Instant.parse(at)),
                Timestamp.from(Instant.parse(at)),
                id);
        return id;
    }

    private static long customers(UUID id) {
        return TestDatabase.count("SELECT count(*) FROM customer WHERE id = ?", id);
    }
}
