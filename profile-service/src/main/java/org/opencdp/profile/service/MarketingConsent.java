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
import org.opencdp.consentdecisions.ConsentDecisions;
import org.opencdp.problem.ProblemException;
import org.opencdp.problem.ProblemType;
import org.opencdp.profile.domain.MarketingAudience;

/**
 * Asks consent-service (batch decisions, with profile-service's own token) which customers marketing may see: those
 * with a direct-marketing purpose ({@code opencdp.profile.marketing-purposes}) allowed. Without an answer it fails
 * closed ({@link ConsentUnavailableException}).
 */
@ApplicationScoped
public class MarketingConsent {

    private static final Logger LOG = Logger.getLogger(MarketingConsent.class);

    @Inject
    ConsentDecisions consent;

    @ConfigProperty(name = "opencdp.profile.marketing-purposes")
    List<String> purposes;

    /** The subjects among {@code subjects} marketing may see. */
    public Set<UUID> reachable(Collection<UUID> subjects) {
        List<MarketingAudience.Answer> answers = new ArrayList<>();
        for (List<MarketingAudience.Question> batch :
                MarketingAudience.questions(subjects, purposes, ConsentDecisions.MAX_PAIRS)) {
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
        List<ConsentDecisions.Decision> decisions;
        try {
            decisions = consent.decide(batch.stream()
                    .map(q -> ConsentDecisions.Pair.ofSubject(q.subjectId(), q.purpose()))
                    .toList());
        } catch (ConsentDecisions.ConsentUnavailable e) {
            LOG.warnf("consent-service gave no decisions (%s): marketing sees no customers", e.getMessage());
            throw new ConsentUnavailableException("consent-service gave no decisions");
        }
        return decisions.stream()
                .map(d -> new MarketingAudience.Answer(
                        d.pair().subjectId(), d.pair().purpose(), d.allowed()))
                .toList();
    }
}
