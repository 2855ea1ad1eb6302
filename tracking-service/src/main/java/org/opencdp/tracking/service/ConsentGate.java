package org.opencdp.tracking.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.opencdp.tracking.client.WebAnalyticsDecisions;
import org.opencdp.tracking.domain.ConsentDecision;
import org.opencdp.tracking.domain.Holder;

import io.quarkus.runtime.Startup;

/**
 * Decides whether events of a holder may be stored: asks consent-service once per batch for every holder whose
 * decision is not in memory, and keeps decisions for at most {@code opencdp.tracking.consent-cache-ttl} (1 s at
 * most). A revocation drops the holder's decision at once ({@link #forget}); whatever was accepted from memory in
 * between carries the revoked ledger entry and is deleted with the rest (ConsentRevocations).
 */
// Created at start, so that a cache ttl above 1 s stops the start instead of the first batch.
@Startup
@Singleton
public class ConsentGate {

    static final Duration LONGEST_TTL = Duration.ofSeconds(1);
    /** Above this many remembered holders, expired decisions are swept before adding more. */
    static final int SWEEP_ABOVE = 100_000;

    private record Remembered(ConsentDecision decision, Instant decidedAt) {}

    private final WebAnalyticsDecisions decisions;
    private final Clock clock;
    private final Duration ttl;
    private final Map<Holder, Remembered> remembered = new ConcurrentHashMap<>();

    @Inject
    ConsentGate(WebAnalyticsDecisions decisions, Clock clock, TrackingSettings settings) {
        this(decisions, clock, settings.consentCacheTtl());
    }

    ConsentGate(WebAnalyticsDecisions decisions, Clock clock, Duration ttl) {
        if (ttl.isNegative() || ttl.compareTo(LONGEST_TTL) > 0) {
            throw new IllegalArgumentException(
                    "opencdp.tracking.consent-cache-ttl must be between 0 and 1s (a revoked consent may be used at "
                            + "most that long), not " + ttl);
        }
        this.decisions = decisions;
        this.clock = clock;
        this.ttl = ttl;
    }

    /**
     * The decision for every holder: from memory if decided less than the ttl ago, otherwise asked in one call.
     *
     * @throws org.opencdp.consentdecisions.ConsentDecisions.ConsentUnavailable when consent-service cannot decide
     */
    public Map<Holder, ConsentDecision> decide(Collection<Holder> holders) {
        Instant now = clock.instant();
        Map<Holder, ConsentDecision> decided = new HashMap<>();
        List<Holder> unknown = new ArrayList<>();
        for (Holder holder : holders) {
            Remembered known = remembered.get(holder);
            if (known != null && fresh(known, now)) {
                decided.put(holder, known.decision());
            } else if (!decided.containsKey(holder)) {
                unknown.add(holder);
            }
        }
        if (!unknown.isEmpty()) {
            Map<Holder, ConsentDecision> asked = decisions.webAnalytics(unknown);
            sweepIfLarge(now);
            for (Holder holder : unknown) {
                ConsentDecision decision = asked.getOrDefault(holder, ConsentDecision.REFUSED);
                decided.put(holder, decision);
                if (!ttl.isZero()) {
                    remembered.put(holder, new Remembered(decision, now));
                }
            }
        }
        return decided;
    }

    /** Drops what is remembered for the holder: its next event is decided by consent-service. */
    public void forget(Holder holder) {
        remembered.remove(holder);
    }

    private boolean fresh(Remembered known, Instant now) {
        return Duration.between(known.decidedAt(), now).compareTo(ttl) < 0;
    }

    private void sweepIfLarge(Instant now) {
        if (remembered.size() > SWEEP_ABOVE) {
            remembered.values().removeIf(known -> !fresh(known, now));
        }
    }
}
