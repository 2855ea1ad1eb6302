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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencdp.consentdecisions.ConsentDecisions.ConsentUnavailable;
import org.opencdp.tracking.client.WebAnalyticsDecisions;
import org.opencdp.tracking.domain.ConsentDecision;
import org.opencdp.tracking.domain.Holder;

/** The gate's logic: one call per batch for what is not known, memory of at most the ttl, revocation forgets. */
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
        final List<Collection<Holder>> calls = new ArrayList<>();
        boolean down;

        @Override
        public Map<Holder, ConsentDecision> webAnalytics(Collection<Holder> holders) {
            calls.add(List.copyOf(holders));
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
