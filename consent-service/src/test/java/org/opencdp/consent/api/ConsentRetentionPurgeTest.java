package org.opencdp.consent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencdp.consent.api.ConsentFixtures.as;
import static org.opencdp.consent.api.ConsentFixtures.grantByPhone;
import static org.opencdp.consent.api.ConsentFixtures.revoke;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.counts;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.policy;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.purge;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencdp.subjectrights.testkit.RetentionPurgeContractTest;
import org.opencdp.testsupport.TestDatabase;

import io.quarkus.test.junit.QuarkusTest;

/**
 * consent-service's retention category {@code consent-proofs} against a real database: a holder's entries for a
 * purpose go together once the last of them is past its period (3 years from the end of its year), and the proof of
 * a consent or objection still in force stays. Each test starts from an empty ledger (as the owner, which may delete
 * entries) so the report's counts are exact.
 */
@QuarkusTest
class ConsentRetentionPurgeTest extends RetentionPurgeContractTest {

    private static final String PURPOSE = "phone-marketing";
    private static final List<Map<String, Object>> THREE_YEARS = List.of(policy("consent-proofs", "P3Y", true));
    private static final int YEAR = LocalDate.now(ZoneOffset.UTC).getYear();

    @Override
    protected List<String> heldCategories() {
        return List.of("consent-proofs");
    }

    @BeforeEach
    void emptyLedger() {
        TestDatabase.execute("DELETE FROM consent_entry");
        TestDatabase.execute("DELETE FROM consent_state");
        TestDatabase.execute("DELETE FROM subject_objection");
    }

    @Test
    void aRevokedConsentsProofGoesAtTheEndOfTheThirdYearAfterItsLastEntryAndOneInForceStays() {
        String revoked = UUID.randomUUID().toString();
        grantByPhone(revoked, PURPOSE);
        revoke("subjectId", revoked, List.of(PURPOSE)).statusCode(200);
        String inForce = UUID.randomUUID().toString();
        grantByPhone(inForce, PURPOSE);
        String objected = UUID.randomUUID().toString();
        as("dpo")
                .body(Map.of("channel", "PAPER", "proofReference", "DSR-1"))
                .when()
                .post("/api/v1/subjects/" + objected + "/objection")
                .then()
                .statusCode(201);
        Instant lastDayOfTheThirdYear = Instant.parse((YEAR + 3) + "-12-31T23:00:00Z");
        Instant afterIt = Instant.parse((YEAR + 4) + "-01-01T00:00:01Z");

        assertThat(counts(purge(false, lastDayOfTheThirdYear, THREE_YEARS), "consent-proofs"))
                .containsExactly(0, 0);
        assertThat(counts(purge(true, afterIt, THREE_YEARS), "consent-proofs")).containsExactly(2, 0);
        assertThat(entriesOf(revoked)).isEqualTo(2);

        assertThat(counts(purge(false, afterIt, THREE_YEARS), "consent-proofs")).containsExactly(2, 2);
        assertThat(entriesOf(revoked)).isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM consent_state WHERE holder_id = ?::uuid", revoked))
                .isZero();
        assertThat(entriesOf(inForce)).isOne();
        assertThat(entriesOf(objected)).isOne();
    }

    @Test
    void thePeriodRunsFromTheLastEntryOfTheHolderAndPurpose() {
        String revokedLongAgo = UUID.randomUUID().toString();
        grantByPhone(revokedLongAgo, PURPOSE);
        revoke("subjectId", revokedLongAgo, List.of(PURPOSE)).statusCode(200);
        backdate(revokedLongAgo, "2015-03-01T10:00:00Z");
        String grantedLongAgoRevokedNow = UUID.randomUUID().toString();
        grantByPhone(grantedLongAgoRevokedNow, PURPOSE);
        backdate(grantedLongAgoRevokedNow, "2015-03-01T10:00:00Z");
        revoke("subjectId", grantedLongAgoRevokedNow, List.of(PURPOSE)).statusCode(200);

        Instant asOf = Instant.parse((YEAR + 3) + "-12-31T23:00:00Z");

        assertThat(counts(purge(false, asOf, THREE_YEARS), "consent-proofs")).containsExactly(2, 2);
        assertThat(entriesOf(revokedLongAgo)).isZero();
        assertThat(entriesOf(grantedLongAgoRevokedNow)).isEqualTo(2);
    }

    /** Moves the holder's entries into the past, as the owner with the append-only trigger paused. */
    private static void backdate(String holderId, String at) {
        UUID holder = UUID.fromString(holderId);
        Instant when = Instant.parse(at);
        TestDatabase.execute("DO $$ BEGIN"
                + " ALTER TABLE consent_entry DISABLE TRIGGER consent_entry_is_append_only;"
                + " UPDATE consent_entry SET recorded_at = '" + when + "' WHERE holder_id = '" + holder + "';"
                + " ALTER TABLE consent_entry ENABLE TRIGGER consent_entry_is_append_only;"
                + " END $$");
    }

    private static long entriesOf(String holderId) {
        return TestDatabase.count("SELECT count(*) FROM consent_entry WHERE holder_id = ?::uuid", holderId);
    }
}
