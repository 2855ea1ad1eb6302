package org.opencdp.consentdecisions;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.servicecalls.ServiceClients;

/** {@link ConsentDecisions} over HTTP, with this service's token for consent-service. */
@ApplicationScoped
public class ConsentServiceDecisions implements ConsentDecisions {

    @Inject
    ServiceClients clients;

    @Override
    public List<Decision> decide(List<Pair> pairs) {
        List<Decision> decisions = new ArrayList<>(pairs.size());
        for (int from = 0; from < pairs.size(); from += MAX_PAIRS) {
            decisions.addAll(batch(pairs.subList(from, Math.min(pairs.size(), from + MAX_PAIRS))));
        }
        return decisions;
    }

    private List<Decision> batch(List<Pair> pairs) {
        DecisionsApi.DecisionRequest request = new DecisionsApi.DecisionRequest(pairs.stream()
                .map(p -> new DecisionsApi.WirePair(
                        p.subjectId() == null ? null : p.subjectId().toString(), p.visitorId(), p.purpose()))
                .toList());
        DecisionsApi.DecisionResponse response;
        try {
            response = clients.call("consent", DecisionsApi.class, api -> api.decide(request));
        } catch (RuntimeException e) {
            throw new ConsentUnavailable(
                    "consent-service did not decide: " + e.getClass().getSimpleName(), e);
        }
        if (response == null
                || response.decisions() == null
                || response.decisions().size() != pairs.size()) {
            throw new ConsentUnavailable(
                    "consent-service answered a batch of " + pairs.size() + " pairs with a "
                            + "different number of decisions",
                    null);
        }
        List<Decision> decisions = new ArrayList<>(pairs.size());
        for (int i = 0; i < pairs.size(); i++) {
            DecisionsApi.WireDecision d = response.decisions().get(i);
            decisions.add(new Decision(pairs.get(i), d.allowed(), d.legalBasis(), d.entryId(), d.reason()));
        }
        return decisions;
    }
}
