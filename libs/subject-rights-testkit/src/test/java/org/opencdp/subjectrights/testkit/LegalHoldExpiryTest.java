package org.opencdp.subjectrights.testkit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencdp.personaldata.PersonalDataCipher;
import org.opencdp.personaldata.SubjectKeyDestroyedException;
import org.opencdp.subjectrights.LegalHoldExpiry;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The key kept for a legal hold is destroyed once the hold's date has passed, not before (issue 9): by the hourly
 * round, and by a deleting purge run as of its {@code asOf} (issue 13).
 */
@QuarkusTest
@WithPostgres
class LegalHoldExpiryTest {

    @Inject
    Notes notes;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    LegalHoldExpiry expiry;

    @Inject
    MovableClock clock;

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    @Test
    void theKeptInvoicesBecomeUnreadableOnceTheirHoldHasEndedAndNotBefore() {
        UUID subject = UUID.randomUUID();
        notes.add(subject, "INVOICE", "Invoice 2026-0099");
        byte[] invoice = storedInvoiceOf(subject);
        given().auth()
                .oauth2(TestTokens.serviceAccount("retention-service"))
                .contentType(ContentType.JSON)
                .body(Map.of("requestId", UUID.randomUUID().toString()))
                .when()
                .post("/api/v1/subject-rights/" + subject + "/erasure")
                .then()
                .statusCode(200);

        // On the hold's last day the record must still be readable.
        clock.moveForward(Duration.between(LocalDate.now().atStartOfDay(), Notes.INVOICES_KEPT_UNTIL.atStartOfDay()));
        expiry.endExpiredHolds();
        assertThat(cipher.decrypt(subject, "note.body", invoice)).isEqualTo("Invoice 2026-0099");
        assertThat(restrictionsOf(subject)).isOne();

        clock.moveForward(Duration.ofDays(1));
        assertThat(expiry.endExpiredHolds()).isPositive();

        assertThatThrownBy(() -> cipher.decrypt(subject, "note.body", invoice))
                .isInstanceOf(SubjectKeyDestroyedException.class);
        assertThat(TestDatabase.KEYS.number(
                        "SELECT count(*) FROM subject_key WHERE subject_id = ? AND erased_at IS NOT NULL", subject))
                .isOne();
        assertThat(restrictionsOf(subject)).isZero();
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_entry WHERE subject_id = ? AND actor = 'system:legal-hold-expiry'",
                        subject))
                .isOne();
    }

    @Test
    void aDeletingPurgeRunEndsTheHoldsThatEndedByItsAsOfAndADryRunEndsNone() {
        UUID subject = UUID.randomUUID();
        notes.add(subject, "INVOICE", "Invoice 2026-0100");
        given().auth()
                .oauth2(TestTokens.serviceAccount("retention-service"))
                .contentType(ContentType.JSON)
                .body(Map.of("requestId", UUID.randomUUID().toString()))
                .when()
                .post("/api/v1/subject-rights/" + subject + "/erasure")
                .then()
                .statusCode(200);
        var policies = List.of(RetentionPurgeCalls.policy("audit-trail", "P3Y", true));
        Instant lastDay = Notes.INVOICES_KEPT_UNTIL.atTime(12, 0).toInstant(ZoneOffset.UTC);
        Instant dayAfter = Notes.INVOICES_KEPT_UNTIL.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);

        RetentionPurgeCalls.purge(false, lastDay, policies);
        RetentionPurgeCalls.purge(true, dayAfter, policies);
        assertThat(restrictionsOf(subject)).isOne();

        RetentionPurgeCalls.purge(false, dayAfter, policies);
        assertThat(restrictionsOf(subject)).isZero();
        assertThat(TestDatabase.KEYS.number(
                        "SELECT count(*) FROM subject_key WHERE subject_id = ? AND erased_at IS NOT NULL", subject))
                .isOne();
    }

    private static long restrictionsOf(UUID subject) {
        return TestDatabase.count(
                "SELECT count(*) FROM subject_restriction WHERE subject_id = ? AND basis = 'LEGAL_HOLD'", subject);
    }

    private static byte[] storedInvoiceOf(UUID subject) {
        return (byte[]) TestDatabase.rows("SELECT body FROM note WHERE subject_id = ? AND kind = 'INVOICE'", subject)
                .get(0)
                .get("body");
    }
}
