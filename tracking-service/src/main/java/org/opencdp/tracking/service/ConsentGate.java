package org.opencdp.tracking.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.opencdp.tracking.client.WebAnalyticsDecisions;
import org.opencdp.tracking.domain.ConsentDecision;
import org.opencdp.tracking.domain.Holder;

import io.quarkus.runtime.Startup;

/**
 * Decides whether events of a holder may be stored: asks consent-service for every holder whose decision is not in
 * memory, and keeps decisions for at most {@code opencdp.tracking.consent-cache-ttl} (1 s at most). A revocation drops
 * the holder's decision at once ({@link #forget}); whatever was accepted from memory in between carries the revoked
 * ledger entry and is deleted with the rest (ConsentRevocations).
 *
 * <p>The batches that miss while others are asking are asked about together, in one call ({@link CommitGroups}, as
 * the writer groups its transactions): with a memory of at most a second, most batches have a holder to ask about
 * (at 500 batches a second of 10 of 1,000 visitors, about 80 % of them; every one in the first second after a
 * pause, when nothing is remembered), so one call per batch cost consent-service, PostgreSQL and this service's HTTP
 * client a call for nearly every batch, and at a run's start hundreds of calls at once asked for the same visitors.
 */
// Created at start, so that a cache ttl above 1 s stops the start instead of the first batch.
@Startup
@Singleton
public class ConsentGate {

    static final Duration LONGEST_TTL = Duration.ofSeconds(1);
    /** Above this many remembered holders, expired decisions are swept before adding more. */
    static final int SWEEP_ABOVE = 100_000;

    /**
     * At most this many calls to consent-service at a time: one answered while the next group gathers; the batches
     * that miss meanwhile wait and are asked about in the next call.
     */
    static final int CALLS_AT_ONCE = 2;
    /**
     * At most this many batches asked about in one call: up to 1,000 holders for batches of 100 events, one call of
     * consent-service's batch API (ConsentDecisions.MAX_PAIRS).
     */
    static final int BATCHES_PER_CALL = 10;

    private record Remembered(ConsentDecision decision, Instant decidedAt) {}

    private final WebAnalyticsDecisions decisions;
    private final Clock clock;
    private final Duration ttl;
    private final Map<Holder, Remembered> remembered = new ConcurrentHashMap<>();
    /** The holders each waiting batch asks about, asked together; see {@link #askTogether}. */
    private final CommitGroups<List<Holder>, Map<Holder, ConsentDecision>> asking =
            new CommitGroups<>(this::askTogether, CALLS_AT_ONCE, BATCHES_PER_CALL);

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
            decided.putAll(asking.write(unknown));
        }
        return decided;
    }

    /**
     * Asks consent-service once for the holders of all these batches (each asked once) and remembers the decisions
     * from the moment before the call, so none is used later than the ttl after consent-service read it; answers
     * each batch's holders. If the call fails, {@link CommitGroups} asks again batch by batch, so that a batch fails
     * only for its own holders (and every batch fails closed when consent-service cannot decide).
     */
    private List<Map<Holder, ConsentDecision>> askTogether(List<List<Holder>> batches) {
        Instant askedAt = clock.instant();
        Set<Holder> holders = new LinkedHashSet<>();
        batches.forEach(holders::addAll);
        Map<Holder, ConsentDecision> asked = decisions.webAnalytics(holders);
        sweepIfLarge(askedAt);
        if (!ttl.isZero()) {
            for (Holder holder : holders) {
                remembered.put(holder, new Remembered(asked.getOrDefault(holder, ConsentDecision.REFUSED), askedAt));
            }
        }
        List<Map<Holder, ConsentDecision>> answers = new ArrayList<>(batches.size());
        for (List<Holder> batch : batches) {
            Map<Holder, ConsentDecision> answer = new HashMap<>();
            batch.forEach(holder -> answer.put(holder, asked.getOrDefault(holder, ConsentDecision.REFUSED)));
            answers.add(answer);
        }
        return answers;
    }

    /** How many batches wait to be asked about now. */
    int waiting() {
        return asking.waiting();
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
