package org.opencdp.tracking.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.opencdp.servicecalls.ServiceClients;
import org.opencdp.tracking.domain.ConsentDecision;
import org.opencdp.tracking.domain.Holder;

/**
 * Asks consent-service (libs/service-calls: this service's token for the audience consent-service, timeouts,
 * retries, circuit breaker). Any failure, and any answer that does not decide every pair, is
 * {@link ConsentUnavailableException}: without a decision nothing is stored.
 */
@ApplicationScoped
public class ConsentServiceDecisions implements ConsentDecisions {

    private static final Logger LOG = Logger.getLogger(ConsentServiceDecisions.class);

    @Inject
    ServiceClients clients;

    @Override
    public Map<Holder, ConsentDecision> webAnalytics(Collection<Holder> holders) {
        Map<Holder, ConsentDecision> decisions = new HashMap<>();
        List<Holder> all = List.copyOf(holders);
        for (int from = 0; from < all.size(); from += ConsentApi.MAX_PAIRS) {
            List<Holder> chunk = all.subList(from, Math.min(all.size(), from + ConsentApi.MAX_PAIRS));
            decisions.putAll(ask(chunk));
        }
        return decisions;
    }

    private Map<Holder, ConsentDecision> ask(List<Holder> holders) {
        List<ConsentApi.Pair> pairs = new ArrayList<>(holders.size());
        for (Holder holder : holders) {
            pairs.add(
                    holder.kind() == Holder.Kind.SUBJECT
                            ? new ConsentApi.Pair(UUID.fromString(holder.id()), null, WEB_ANALYTICS)
                            : new ConsentApi.Pair(null, holder.id(), WEB_ANALYTICS));
        }
        ConsentApi.DecisionsAnswer answer;
        try {
            answer = clients.call(
                    "consent", ConsentApi.class, api -> api.decide(new ConsentApi.DecisionsRequest(pairs)));
        } catch (RuntimeException e) {
            throw new ConsentUnavailableException(
                    "consent-service did not answer: " + e.getClass().getName(), e);
        }
        if (answer == null || answer.decisions() == null || answer.decisions().size() != holders.size()) {
            throw new ConsentUnavailableException("consent-service's answer does not decide every pair");
        }
        Map<Holder, ConsentDecision> decisions = new HashMap<>();
        for (int i = 0; i < holders.size(); i++) {
            decisions.put(holders.get(i), decision(answer.decisions().get(i)));
        }
        return decisions;
    }

    private static ConsentDecision decision(ConsentApi.Decision decision) {
        if (!Objects.equals(decision.allowed(), Boolean.TRUE)) {
            return ConsentDecision.REFUSED;
        }
        if (decision.entryId() == null) {
            // An event must name the ledger entry it is collected under; without one it is not stored.
            LOG.warn("consent-service allowed web-analytics without naming a ledger entry; treated as refused");
            return ConsentDecision.REFUSED;
        }
        return ConsentDecision.allowedBy(decision.entryId());
    }
}
