package org.opencdp.consent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencdp.consent.api.ConsentFixtures.CONSENTS;
import static org.opencdp.consent.api.ConsentFixtures.REVOCATIONS;
import static org.opencdp.consent.api.ConsentFixtures.as;
import static org.opencdp.consent.api.ConsentFixtures.grant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;

/** Grant and revoke of the same pair at once, as real concurrent requests: the ledger order decides. */
@QuarkusTest
@WithPostgres
class ConsentConcurrencyTest {

    @Test
    void theProjectionAlwaysReflectsTheLastEntryOfTheLedger() throws Exception {
        String subject = UUID.randomUUID().toString();
        Map<String, Object> grant = grant("subjectId", subject, "personalisation", "PHONE");
        Map<String, Object> revoke =
                Map.of("subjectId", subject, "purposes", List.of("personalisation"), "channel", "PHONE");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    boolean granting = i % 2 == 0;
                    answers.add(pool.submit(() -> {
                        start.await();
                        return as("sales")
                                .body(granting ? grant : revoke)
                                .when()
                                .post(granting ? CONSENTS : REVOCATIONS)
                                .then()
                                .extract()
                                .statusCode();
                    }));
                }
                start.countDown();
                for (Future<Integer> answer : answers) {
                    assertThat(answer.get()).isIn(200, 201);
                }
                Map<String, Object> last = TestDatabase.rows("""
                                SELECT id::text AS id, action FROM consent_entry
                                 WHERE holder_id = ?::uuid AND purpose_id = 'personalisation'
                                 ORDER BY sequence DESC LIMIT 1""", subject).getFirst();
                Map<String, Object> state = TestDatabase.rows(
                                "SELECT entry_id::text AS id, status FROM consent_state WHERE holder_id = ?::uuid",
                                subject)
                        .getFirst();
                assertThat(state.get("id")).isEqualTo(last.get("id"));
                assertThat(state.get("status")).isEqualTo(last.get("action").equals("GRANT") ? "GRANTED" : "REVOKED");
                // Every REVOKE ended the entry in force just before it: the lock serialised the writers.
                assertThat(TestDatabase.count("""
                                SELECT count(*) FROM consent_entry r
                                 WHERE r.holder_id = ?::uuid AND r.action = 'REVOKE'
                                   AND r.refers_to <> (SELECT p.id FROM consent_entry p
                                                        WHERE p.holder_id = r.holder_id AND p.sequence < r.sequence
                                                        ORDER BY p.sequence DESC LIMIT 1)""", subject)).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
