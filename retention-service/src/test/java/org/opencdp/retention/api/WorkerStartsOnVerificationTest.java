package org.opencdp.retention.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With {@code opencdp.retention.worker.start-on-verification} on (as shipped), a verification starts the worker on
 * the request's tasks once they are committed, on the container's managed executor: the request completes with no
 * scheduled round (the interval is off here) and no test calling the worker.
 */
@QuarkusTest
@WithPostgres
@TestProfile(WorkerStartsOnVerificationTest.StartOnVerification.class)
class WorkerStartsOnVerificationTest {

    public static class StartOnVerification implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "opencdp.subject-rights.participants", "retention",
                    "opencdp.retention.worker.start-on-verification", "true");
        }
    }

    @Test
    void aVerifiedRequestIsCarriedOutWithoutWaitingForTheNextRound() {
        String id = Requests.file("ERASURE", UUID.randomUUID(), Requests.today());
        assertThat(Requests.get(id).getString("state")).isEqualTo("RECEIVED");

        Requests.verify(id);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(Requests.get(id).getString("state")).isEqualTo("COMPLETED"));
        assertThat(Requests.get(id).getString("tasks[0].status")).isEqualTo("DONE");
    }
}
