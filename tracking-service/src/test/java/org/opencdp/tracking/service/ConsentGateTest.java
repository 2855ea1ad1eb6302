package org.opencdp.tracking.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.opencdp.consentdecisions.ConsentDecisions.ConsentUnavailable;
import org.opencdp.tracking.client.WebAnalyticsDecisions;
import org.opencdp.tracking.domain.ConsentDecision;
import org.opencdp.tracking.domain.Holder;

/**
 * The gate's logic: one call per batch for what is not known (batches missing meanwhile asked about together), memory
 * of at most the ttl, revocation forgets.
 */
class ConsentGateTest {

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-11-26T14:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** consent-service's decisions as this test sets them; records every call. */
    private static final class Decisions implements WebAnalyticsDecisions {
        final Map<Holder, UUID> granted = new HashMap<>();
        final List<Collection<Holder>> calls = Collections.synchronizedList(new ArrayList<>());
        volatile boolean down;
        /** While set, every call waits for it (calls in flight). */
        volatile CountDownLatch answer;

        @Override
        public Map<Holder, ConsentDecision> webAnalytics(Collection<Holder> holders) {
            calls.add(List.copyOf(holders));
            CountDownLatch wait = answer;
            if (wait != null) {
                try {
                    wait.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (down) {
                throw new ConsentUnavailable("down", null);
            }
            Map<Holder, ConsentDecision> answer = new HashMap<>();
            holders.forEach(h -> answer.put(
                    h, granted.containsKey(h) ? ConsentDecision.allowedBy(granted.get(h)) : ConsentDecision.REFUSED));
            return answer;
        }
    }

    private final TestClock clock = new TestClock();
    private final Decisions decisions = new Decisions();
    private final ConsentGate gate = new ConsentGate(decisions, clock, Duration.ofSeconds(1));
    private final Holder alice = Holder.visitor("0123456789abcdef0123456789abcdef");
    private final Holder bob = Holder.subject(UUID.randomUUID());

    @Test
    void asksOnceForAllHoldersOfABatchAndReturnsTheLedgerEntries() {
        UUID entry = UUID.randomUUID();
        decisions.granted.put(alice, entry);
        Map<Holder, ConsentDecision> decided = gate.decide(Set.of(alice, bob));
        assertThat(decisions.calls).hasSize(1);
        assertThat(decisions.calls.getFirst()).containsExactlyInAnyOrder(alice, bob);
        assertThat(decided.get(alice)).isEqualTo(ConsentDecision.allowedBy(entry));
        assertThat(decided.get(bob)).isEqualTo(ConsentDecision.REFUSED);
    }

    @Test
    void remembersADecisionForLessThanTheTtlOnly() {
        decisions.granted.put(alice, UUID.randomUUID());
        gate.decide(List.of(alice));
        clock.now = clock.now.plusMillis(999);
        gate.decide(List.of(alice));
        assertThat(decisions.calls).hasSize(1);

        clock.now = clock.now.plusMillis(1);
        decisions.granted.remove(alice);
        assertThat(gate.decide(List.of(alice)).get(alice).allowed()).isFalse();
        assertThat(decisions.calls).hasSize(2);
    }

    @Test
    void asksOnlyForTheHoldersItDoesNotRemember() {
        gate.decide(List.of(alice));
        gate.decide(List.of(alice, bob));
        assertThat(decisions.calls).hasSize(2);
        assertThat(decisions.calls.get(1)).containsExactly(bob);
    }

    @Test
    void aRevocationIsDecidedAnewAtOnce() {
        decisions.granted.put(alice, UUID.randomUUID());
        assertThat(gate.decide(List.of(alice)).get(alice).allowed()).isTrue();
        decisions.granted.remove(alice);
        gate.forget(alice);
        assertThat(gate.decide(List.of(alice)).get(alice).allowed()).isFalse();
        assertThat(decisions.calls).hasSize(2);
    }

    @Test
    void batchesMissingWhileCallsAreInFlightAreAskedAboutTogetherInOneCall() throws Exception {
        Holder carol = Holder.visitor("carol0000000000000000000000000000");
        Holder dave = Holder.visitor("dave00000000000000000000000000000");
        decisions.granted.put(carol, UUID.randomUUID());
        decisions.answer = new CountDownLatch(1);
        ExecutorService batches = Executors.newCachedThreadPool();
        try {
            List<Future<Map<Holder, ConsentDecision>>> decided = new ArrayList<>();
            decided.add(batches.submit(() -> gate.decide(List.of(alice))));
            decided.add(batches.submit(() -> gate.decide(List.of(bob))));
            awaitCalls(ConsentGate.CALLS_AT_ONCE);
            decided.add(batches.submit(() -> gate.decide(List.of(carol, dave))));
            decided.add(batches.submit(() -> gate.decide(List.of(carol))));
            decided.add(batches.submit(() -> gate.decide(List.of(dave, bob))));
            for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); gate.waiting() < 3; ) {
                assertThat(System.nanoTime()).isLessThan(end);
                Thread.sleep(1);
            }
            decisions.answer.countDown();

            assertThat(decided.get(2).get(10, TimeUnit.SECONDS)).containsOnlyKeys(carol, dave);
            assertThat(decided.get(2).get().get(carol).allowed()).isTrue();
            assertThat(decided.get(3).get(10, TimeUnit.SECONDS)).containsOnlyKeys(carol);
            assertThat(decided.get(4).get(10, TimeUnit.SECONDS)).containsOnlyKeys(dave, bob);
            assertThat(decided.get(4).get().get(dave).allowed()).isFalse();
            assertThat(decisions.calls).hasSize(3);
            assertThat(decisions.calls.get(2)).containsExactlyInAnyOrder(carol, dave, bob);
        } finally {
            batches.shutdownNow();
        }
        // Remembered from the grouped call: asked no more.
        gate.decide(List.of(carol, dave));
        assertThat(decisions.calls).hasSize(3);
    }

    private void awaitCalls(int calls) throws InterruptedException {
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); decisions.calls.size() < calls; ) {
            assertThat(System.nanoTime()).isLessThan(end);
            Thread.sleep(1);
        }
    }

    @Test
    void failsClosedWhenConsentServiceCannotDecide() {
        decisions.down = true;
        assertThatThrownBy(() -> gate.decide(List.of(alice))).isInstanceOf(ConsentUnavailable.class);
        decisions.down = false;
        gate.decide(List.of(alice));
        assertThat(decisions.calls).hasSize(2);
    }

    @Test
    void aTtlOfZeroAsksEveryTimeAndMoreThanOneSecondIsRefused() {
        ConsentGate uncached = new ConsentGate(decisions, clock, Duration.ZERO);
        uncached.decide(List.of(alice));
        uncached.decide(List.of(alice));
        assertThat(decisions.calls).hasSize(2);
        assertThatThrownBy(() -> new ConsentGate(decisions, clock, Duration.ofMillis(1001)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most");
    }
}
