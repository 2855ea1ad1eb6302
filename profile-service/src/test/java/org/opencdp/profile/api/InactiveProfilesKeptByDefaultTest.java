package org.opencdp.profile.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.counts;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.policy;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.purge;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With the shipped setting ({@code opencdp.profile.retention.erase-inactive-profiles=false}) the purge of inactive
 * profiles only reports them: profile-service cannot see a customer's orders, so it must not erase a buyer whose
 * profile nobody changed.
 */
@QuarkusTest
@WithPostgres
@TestProfile(InactiveProfilesKeptByDefaultTest.ShippedSetting.class)
class InactiveProfilesKeptByDefaultTest {

    /** The shipped value; the test profile of the other tests switches erasing on. */
    public static class ShippedSetting implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("opencdp.profile.retention.erase-inactive-profiles", "false");
        }
    }

    @Test
    void anExpiredProfileIsCountedButNotErased() {
        TestDatabase.execute("DELETE FROM customer WHERE updated_at < '2020-01-01'");
        UUID inactive = ProfileRetentionPurgeTest.lastChangedAt("2018-12-31T23:00:00Z");

        assertThat(counts(
                        purge(
                                false,
                                Instant.parse("2022-06-01T00:00:00Z"),
                                List.of(policy("inactive-customer-profile", "P3Y", true))),
                        "inactive-customer-profile"))
                .containsExactly(1, 0);
        assertThat(ProfileRetentionPurgeTest.customers(inactive)).isOne();
    }
}
