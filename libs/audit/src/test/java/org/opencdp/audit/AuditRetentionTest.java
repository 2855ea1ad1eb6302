package org.opencdp.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.opencdp.caller.Caller;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Whole expired months leave the trail through the owner's database function (the application's role cannot delete
 * entries itself), the remaining chains still verify from their checkpoints, and nothing younger than a year can go.
 * The test application keeps entries two years (application.properties).
 */
@QuarkusTest
@WithPostgres
class AuditRetentionTest {

    @Inject
    AuditTrail trail;

    @Inject
    AuditChainVerifier verifier;

    @Inject
    AuditRetention retention;

    @Inject
    ChainKeys keys;

    @Test
    void theDatabaseTakesTheSameChainLockAsTheWriters() {
        for (int i = 0; i < 200; i++) {
            UUID subject = UUID.randomUUID();
            assertThat(TestDatabase.count("SELECT audit_chain_lock_key(?)", subject))
                    .as(subject.toString())
                    .isEqualTo((long) AuditChains.lockKey(subject));
        }
    }

    @Test
    void expiredMonthsAreDeletedAndTheRemainingChainsStillVerify() {
        Instant longAgo = monthsAgo(30);
        UUID active = UUID.randomUUID(); // old entries, then recent ones
        writtenAt(active, longAgo, longAgo.plusSeconds(60));
        trail.recordAs("audit-retention-test", Caller.Kind.SERVICE, active, "customer.read", "recent");
        trail.recordAs("audit-retention-test", Caller.Kind.SERVICE, active, "customer.update", "recent");
        UUID dormant = UUID.randomUUID(); // only old entries
        writtenAt(dormant, longAgo);
        UUID recent = UUID.randomUUID(); // only recent entries
        trail.recordAs("audit-retention-test", Caller.Kind.SERVICE, recent, "customer.read", "recent");
        Instant cutoff = firstOfMonth(LocalDate.now(ZoneOffset.UTC).minusYears(2));

        assertThat(retention.deleteExpired()).isGreaterThanOrEqualTo(3);

        assertThat(AuditRows.idsOf(active)).hasSize(2);
        ChainVerification activeChain = verifier.verify(active);
        assertThat(activeChain.intact()).isTrue();
        assertThat(activeChain.earlierEntriesDeletedBefore()).isEqualTo(cutoff);
        assertThat(AuditRows.idsOf(dormant)).isEmpty();
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_chain_checkpoint WHERE subject_id = ?", dormant))
                .isZero();
        assertThat(AuditRows.idsOf(recent)).hasSize(1);
        assertThat(verifier.verify(recent)).isEqualTo(new ChainVerification(true, null));

        // The dormant subject's next entry starts a new chain; a second run finds nothing left.
        trail.recordAs("audit-retention-test", Caller.Kind.SERVICE, dormant, "customer.read", "back again");
        assertThat(verifier.verify(dormant)).isEqualTo(new ChainVerification(true, null));
        assertThat(retention.deleteExpired()).isZero();
    }

    @Test
    void theApplicationsRoleCanNeitherDeleteEntriesNorAskForYoungerOrPartialPeriods() throws SQLException {
        UUID subject = UUID.randomUUID();
        writtenAt(subject, monthsAgo(3));

        try (Connection c = TestDatabase.AS_APPLICATION.connect()) {
            for (String cutoff : new String[] {"date_trunc('month', now())", "now() - interval '3 years'"}) {
                assertThatThrownBy(() -> call(c, "SELECT audit_delete_expired_period(" + cutoff + ", 10)"))
                        .as(cutoff)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("whole months at least a year old");
            }
            assertThatThrownBy(() -> call(c, "DELETE FROM audit_entry WHERE subject_id = '" + subject + "'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
        assertThat(AuditRows.idsOf(subject)).hasSize(1);
    }

    @Test
    void aRetentionShorterThanAYearIsRefused() {
        assertThatIllegalStateException()
                .isThrownBy(() -> retention.cutoff(Period.ofMonths(11)))
                .withMessageContaining("at least P1Y");
        assertThat(retention.cutoff(Period.ofYears(1)))
                .isEqualTo(firstOfMonth(LocalDate.now(ZoneOffset.UTC).minusYears(1)));
    }

    /** Entries as the service wrote them back then (with the chain key), chained one after the other. */
    private void writtenAt(UUID subject, Instant... times) {
        byte[] previous = null;
        for (Instant at : times) {
            byte[] hash = AuditEntryHash.keyed(
                    keys.current(),
                    keys.currentId(),
                    previous,
                    subject,
                    at,
                    "audit-retention-test",
                    "SERVICE",
                    "customer.read",
                    "long ago");
            TestDatabase.execute(
                    "INSERT INTO audit_entry (subject_id, occurred_at, actor, actor_kind, action, purpose,"
                            + " previous_hash, entry_hash, hash_version, key_id) VALUES (?, ?,"
                            + " 'audit-retention-test', 'SERVICE', 'customer.read', 'long ago', ?, ?, 2, ?)",
                    subject,
                    Timestamp.from(at),
                    previous,
                    hash,
                    keys.currentId());
            previous = hash;
        }
        assertThat(verifier.verify(subject).intact()).isTrue();
    }

    private static void call(Connection c, String sql) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.execute();
        }
    }

    private static Instant monthsAgo(int months) {
        return LocalDate.now(ZoneOffset.UTC)
                .minusMonths(months)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
    }

    private static Instant firstOfMonth(LocalDate day) {
        return day.withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
