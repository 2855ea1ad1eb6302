package org.opencdp.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.opencdp.caller.Caller;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithPostgres
class AuditChainVerifierTest {

    @Inject
    AuditTrail trail;

    @Inject
    AuditChainVerifier verifier;

    @Test
    void anUntouchedChainAndAnEmptyOneAreIntact() {
        UUID subject = subjectWithEntries(3);

        assertThat(verifier.verify(subject)).isEqualTo(new ChainVerification(true, null));
        assertThat(verifier.verify(UUID.randomUUID())).isEqualTo(new ChainVerification(true, null));
    }

    @Test
    void changingAnEntrysActionShowsTheDpoABrokenChainAtThatEntry() {
        UUID subject = subjectWithEntries(3);
        long second = AuditRows.idsOf(subject).get(1);

        AuditRows.tamper("UPDATE audit_entry SET action = 'customer.read' WHERE id = ?", second);

        given().auth()
                .oauth2(TestTokens.forRole("dpo"))
                .when()
                .get("/api/v1/audit/subjects/" + subject)
                .then()
                .statusCode(200)
                .body("chainIntact", equalTo(false))
                .body("firstBrokenEntryId", equalTo((int) second));
    }

    @Test
    void changingAnEntrysPurposeIsDetectedAtThatEntry() {
        UUID subject = subjectWithEntries(3);
        long third = AuditRows.idsOf(subject).get(2);

        AuditRows.tamper("UPDATE audit_entry SET purpose = 'GDPR Art. 15 access request' WHERE id = ?", third);

        assertThat(verifier.verify(subject)).isEqualTo(new ChainVerification(false, third));
    }

    @Test
    void deletingAnEntryInTheMiddleIsDetectedAtTheEntryAfterIt() {
        UUID subject = subjectWithEntries(4);
        List<Long> ids = AuditRows.idsOf(subject);

        AuditRows.tamper("DELETE FROM audit_entry WHERE id = ?", ids.get(1));

        assertThat(verifier.verify(subject)).isEqualTo(new ChainVerification(false, ids.get(2)));
    }

    @Test
    void deletingTheFirstEntryIsDetected() {
        UUID subject = subjectWithEntries(3);
        List<Long> ids = AuditRows.idsOf(subject);

        AuditRows.tamper("DELETE FROM audit_entry WHERE id = ?", ids.get(0));

        assertThat(verifier.verify(subject)).isEqualTo(new ChainVerification(false, ids.get(1)));
    }

    @Test
    void anEditorWhoRecomputesTheChangedEntrysHashWithoutTheKeyIsCaughtAtThatEntry() {
        UUID subject = subjectWithEntries(3);
        Map<String, Object> second = AuditRows.of(subject).get(1);
        long secondId = ((Number) second.get("id")).longValue();

        // The editor knows the encoding but not the chain key: the best they can do is a plain SHA-256.
        AuditRows.tamper(
                "UPDATE audit_entry SET action = 'customer.read', entry_hash = ? WHERE id = ?",
                AuditRows.unkeyedHash(second, "customer.read", (byte[]) second.get("previous_hash")),
                secondId);

        assertThat(verifier.verify(subject)).isEqualTo(new ChainVerification(false, secondId));
    }

    @Test
    void rewritingAChainFromAnEntryToItsEndAsUnkeyedLegacyEntriesIsCaughtAtTheFirstRewrittenEntry() {
        // Without a key, an editor who rewrites every entry from the changed one onwards (and marks them as legacy,
        // unkeyed entries) produces a chain whose every link verifies as SHA-256: the rewrite the key stops.
        UUID subject = subjectWithEntries(3);
        List<Long> ids = AuditRows.idsOf(subject);

        AuditRows.rewriteUnkeyedFrom(subject, 1, "customer.read");

        assertThat(verifier.verify(subject)).isEqualTo(new ChainVerification(false, ids.get(1)));
    }

    @Test
    void rewritingAWholeChainAsUnkeyedEntriesIsCaughtBecauseLegacyEntriesEndWhereTheKeyBegan() {
        UUID subject = subjectWithEntries(2);
        List<Long> ids = AuditRows.idsOf(subject);

        AuditRows.rewriteUnkeyedFrom(subject, 0, "customer.read");

        assertThat(verifier.verify(subject)).isEqualTo(new ChainVerification(false, ids.get(0)));
    }

    @Test
    void anEntryNamingAChainKeyThisServiceDoesNotKnowDoesNotVerify() {
        UUID subject = subjectWithEntries(2);
        long second = AuditRows.idsOf(subject).get(1);

        AuditRows.tamper("UPDATE audit_entry SET key_id = 'forged' WHERE id = ?", second);

        assertThat(verifier.verify(subject)).isEqualTo(new ChainVerification(false, second));
    }

    @Test
    void legacyUnkeyedEntriesFromBeforeTheKeyStillVerifyAndAreReportedAsLegacy() {
        UUID subject = UUID.randomUUID();
        AuditRows.insertLegacyEntries(subject, 2);
        try {
            trail.recordAs("jane", Caller.Kind.USER, subject, "customer.update", "PUT /api/v1/customers/{id}");

            assertThat(verifier.verify(subject)).isEqualTo(new ChainVerification(true, null, 2, null));
            given().auth()
                    .oauth2(TestTokens.forRole("dpo"))
                    .when()
                    .get("/api/v1/audit/subjects/" + subject)
                    .then()
                    .statusCode(200)
                    .body("chainIntact", equalTo(true))
                    .body("unkeyedEntries", equalTo(2))
                    .body("entries.keyed", contains(false, false, true));
        } finally {
            AuditRows.resetLegacyBoundary();
        }
    }

    @Test
    void aLegacyEntryRewrittenAfterItAndBeforeTheFirstKeyedEntryIsStillCaught() {
        UUID subject = UUID.randomUUID();
        AuditRows.insertLegacyEntries(subject, 2);
        try {
            trail.recordAs("jane", Caller.Kind.USER, subject, "customer.update", "PUT /api/v1/customers/{id}");
            List<Long> ids = AuditRows.idsOf(subject);

            // Unkeyed entries can be recomputed, but the first keyed entry links to the old hash and cannot be.
            AuditRows.rewriteUnkeyedFrom(subject, 1, "customer.read");

            assertThat(verifier.verify(subject)).isEqualTo(new ChainVerification(false, ids.get(2)));
        } finally {
            AuditRows.resetLegacyBoundary();
        }
    }

    @Test
    void aChainWhoseOlderPeriodWasDeletedVerifiesFromItsCheckpointAndStillShowsLaterTampering() {
        UUID subject = subjectWithEntries(4);
        List<Map<String, Object>> rows = AuditRows.of(subject);
        List<Long> ids = AuditRows.idsOf(subject);

        AuditRows.purgeBefore(subject, rows.get(2));

        ChainVerification afterPurge = verifier.verify(subject);
        assertThat(afterPurge.intact()).isTrue();
        assertThat(afterPurge.earlierEntriesDeletedBefore())
                .isEqualTo(((Timestamp) rows.get(2).get("occurred_at")).toInstant());

        AuditRows.tamper("UPDATE audit_entry SET actor = 'someone.else' WHERE id = ?", ids.get(3));

        assertThat(verifier.verify(subject)).isEqualTo(new ChainVerification(false, ids.get(3)));
    }

    @Test
    void deletingTheFirstEntryAfterACheckpointIsCaught() {
        UUID subject = subjectWithEntries(4);
        List<Map<String, Object>> rows = AuditRows.of(subject);
        List<Long> ids = AuditRows.idsOf(subject);
        AuditRows.purgeBefore(subject, rows.get(1));

        AuditRows.tamper("DELETE FROM audit_entry WHERE id = ?", ids.get(1));

        assertThat(verifier.verify(subject)).isEqualTo(new ChainVerification(false, ids.get(2)));
    }

    @Test
    void movingAnEntryToAnotherSubjectBreaksBothChains() {
        UUID victim = subjectWithEntries(3);
        UUID other = subjectWithEntries(1);
        List<Long> ids = AuditRows.idsOf(victim);

        AuditRows.tamper("UPDATE audit_entry SET subject_id = ? WHERE id = ?", other, ids.get(1));

        assertThat(verifier.verify(victim)).isEqualTo(new ChainVerification(false, ids.get(2)));
        assertThat(verifier.verify(other)).isEqualTo(new ChainVerification(false, ids.get(1)));
    }

    @Test
    void tamperingWithOneSubjectLeavesAnotherSubjectsChainIntact() {
        UUID tampered = subjectWithEntries(2);
        UUID untouched = subjectWithEntries(2);

        AuditRows.tamper(
                "UPDATE audit_entry SET actor = 'someone.else' WHERE id = ?",
                AuditRows.idsOf(tampered).get(0));

        assertThat(verifier.verify(tampered).intact()).isFalse();
        assertThat(verifier.verify(untouched).intact()).isTrue();
        given().auth()
                .oauth2(TestTokens.forRole("dpo"))
                .when()
                .get("/api/v1/audit/subjects/" + untouched)
                .then()
                .statusCode(200)
                .body("chainIntact", equalTo(true))
                .body("firstBrokenEntryId", nullValue());
    }

    @Test
    void removingTheNewestEntryGoesUnnoticedWithoutAnAnchorOutsideTheDatabase() {
        // The documented limit of a hash chain kept in the database it protects (see the README).
        UUID subject = subjectWithEntries(3);

        AuditRows.tamper(
                "DELETE FROM audit_entry WHERE id = ?", AuditRows.idsOf(subject).get(2));

        assertThat(verifier.verify(subject).intact()).isTrue();
    }

    @Test
    void theTableRefusesUpdatesDeletesAndTruncationFromApplicationCode() {
        UUID subject = subjectWithEntries(1);
        long id = AuditRows.idsOf(subject).get(0);

        assertThatThrownBy(() -> TestDatabase.execute("UPDATE audit_entry SET action = 'x.y' WHERE id = ?", id))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> TestDatabase.execute("DELETE FROM audit_entry WHERE id = ?", id))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> TestDatabase.execute("TRUNCATE audit_entry")).hasStackTraceContaining("append-only");

        assertThat(AuditRows.of(subject))
                .singleElement()
                .satisfies(row -> assertThat(row.get("action")).isEqualTo("customer.update"));
    }

    private UUID subjectWithEntries(int count) {
        UUID subject = UUID.randomUUID();
        for (int i = 0; i < count; i++) {
            trail.recordAs("jane", Caller.Kind.USER, subject, "customer.update", "PUT /api/v1/customers/{id}");
        }
        return subject;
    }
}
