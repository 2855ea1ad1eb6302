package org.opencdp.profile.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencdp.profile.api.InactiveProfileRetentionTest.AS_OF;
import static org.opencdp.profile.api.InactiveProfileRetentionTest.THREE_YEARS;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.purge;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * With {@code opencdp.profile.retention.erase-inactive-profiles=false} (shipped: true) the purge of inactive profiles
 * judges them as always, and only reports them: a deployment can watch the counts before it lets the purge erase.
 */
@QuarkusTest
@WithPostgres
@TestProfile(InactiveProfilesKeptWhenErasingIsOffTest.ErasingOff.class)
class InactiveProfilesKeptWhenErasingIsOffTest {

    public static class ErasingOff extends ActivityServices.Profile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("opencdp.profile.retention.erase-inactive-profiles", "false");
            return overrides;
        }
    }

    @Test
    void anExpiredProfileIsCountedButNotErased() {
        TestDatabase.execute("DELETE FROM customer WHERE updated_at < '2020-01-01'");
        UUID inactive = ProfileRetentionPurgeTest.lastChangedAt("2018-12-31T23:00:00Z");

        assertThat(InactiveProfileRetentionTest.counts(purge(false, AS_OF, THREE_YEARS)))
                .containsExactly(1, 0, 0);
        assertThat(ProfileRetentionPurgeTest.customers(inactive)).isOne();
    }
}
