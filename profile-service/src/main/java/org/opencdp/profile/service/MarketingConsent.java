package org.opencdp.profile.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.opencdp.problem.ProblemException;
import org.opencdp.problem.ProblemType;
import org.opencdp.profile.client.ConsentDecisionsApi;
import org.opencdp.profile.domain.MarketingAudience;
import org.opencdp.servicecalls.ServiceClients;

/**
 * Asks consent-service (batch decisions, with profile-service's own token) which customers marketing may see: those
 * with a direct-marketing purpose ({@code opencdp.profile.marketing-purposes}) allowed. Without an answer it fails
 * closed ({@link ConsentUnavailableException}).
 */
@ApplicationScoped
public class MarketingConsent {

    private static final Logger LOG = Logger.getLogger(MarketingConsent.class);

    @Inject
    ServiceClients clients;

    @ConfigProperty(name = "opencdp.profile.marketing-purposes")
    List<String> purposes;

    /** The subjects among {@code subjects} marketing may see. */
    public Set<UUID> reachable(Collection<UUID> subjects) {
        List<MarketingAudience.Answer> answers = new ArrayList<>();
        for (List<MarketingAudience.Question> batch :
                MarketingAudience.questions(subjects, purposes, ConsentDecisionsApi.MAX_PAIRS)) {
            answers.addAll(ask(batch));
        }
        return MarketingAudience.reachable(answers);
    }

    /** A 403 unless marketing may see the customer. */
    public void require(UUID subjectId) {
        if (!reachable(List.of(subjectId)).contains(subjectId)) {
            throw new ProblemException(
                    ProblemType.FORBIDDEN,
                    "Marketing sees a customer only with a direct-marketing consent in force (newsletter, phone "
                            + "marketing).");
        }
    }

    private List<MarketingAudience.Answer> ask(List<MarketingAudience.Question> batch) {
        ConsentDecisionsApi.Question question = new ConsentDecisionsApi.Question(batch.stream()
                .map(q -> new ConsentDecisionsApi.Pair(q.subjectId().toString(), q.purpose()))
                .toList());
        ConsentDecisionsApi.Answers answers;
        try {
            answers = clients.call("consent", ConsentDecisionsApi.class, api -> api.decideAll(question));
        } catch (RuntimeException e) {
            LOG.warnf(
                    "consent-service gave no decisions (%s): marketing sees no customers",
                    e.getClass().getName());
            throw new ConsentUnavailableException("consent-service gave no decisions");
        }
        return answers.decisions().stream()
                .map(a -> new MarketingAudience.Answer(UUID.fromString(a.subjectId()), a.purpose(), a.allowed()))
                .toList();
    }
}
