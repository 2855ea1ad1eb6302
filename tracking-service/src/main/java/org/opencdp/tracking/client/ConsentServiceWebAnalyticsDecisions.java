package org.opencdp.tracking.client;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.opencdp.consentdecisions.ConsentDecisions;
import org.opencdp.consentdecisions.ConsentDecisions.Decision;
import org.opencdp.consentdecisions.ConsentDecisions.Pair;
import org.opencdp.tracking.domain.ConsentDecision;
import org.opencdp.tracking.domain.Holder;

/**
 * Asks consent-service through libs/consent-decisions (this service's token, batches, fail closed). An allowed
 * answer without a ledger entry is refused here: every stored event must name the entry it was collected under.
 * When consent-service cannot decide, the library's {@code ConsentDecisions.ConsentUnavailable} passes through.
 */
@ApplicationScoped
public class ConsentServiceWebAnalyticsDecisions implements WebAnalyticsDecisions {

    private static final Logger LOG = Logger.getLogger(ConsentServiceWebAnalyticsDecisions.class);

    @Inject
    ConsentDecisions consent;

    @Override
    public Map<Holder, ConsentDecision> webAnalytics(Collection<Holder> holders) {
        List<Holder> asked = List.copyOf(holders);
        List<Decision> answers = consent.decide(asked.stream()
                .map(holder -> holder.kind() == Holder.Kind.SUBJECT
                        ? Pair.ofSubject(UUID.fromString(holder.id()), WEB_ANALYTICS)
                        : Pair.ofVisitor(holder.id(), WEB_ANALYTICS))
                .toList());
        Map<Holder, ConsentDecision> decisions = new HashMap<>();
        for (int i = 0; i < asked.size(); i++) {
            decisions.put(asked.get(i), decision(answers.get(i)));
        }
        return decisions;
    }

    private static ConsentDecision decision(Decision decision) {
        if (!decision.allowed()) {
            return ConsentDecision.REFUSED;
        }
        if (decision.entryId() == null) {
            LOG.warn("consent-service allowed web-analytics without naming a ledger entry; treated as refused");
            return ConsentDecision.REFUSED;
        }
        return ConsentDecision.allowedBy(decision.entryId());
    }
}
