package org.opencdp.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
    void anEditorWhoRecomputesTheChangedEntrysHashIsCaughtAtTheNextEntry() {
        UUID subject = subjectWithEntries(3);
        Map<String, Object> second = AuditRows.of(subject).get(1);
        long secondId = ((Number) second.get("id")).longValue();
        byte[] forgedHash = AuditEntryHash.of(
                (byte[]) second.get("previous_hash"),
                subject,
                ((Timestamp) second.get("occurred_at")).toInstant(),
                (String) second.get("actor"),
                (String) second.get("actor_kind"),
                "customer.read",
                (String) second.get("purpose"));

        AuditRows.tamper(
                "UPDATE audit_entry SET action = 'customer.read', entry_hash = ? WHERE id = ?", forgedHash, secondId);

        assertThat(verifier.verify(subject))
                .isEqualTo(new ChainVerification(false, AuditRows.idsOf(subject).get(2)));
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
