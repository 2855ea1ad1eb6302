package org.opencdp.behaviour.service;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.opencdp.consentdecisions.ConsentDecisions;
import org.opencdp.consentdecisions.ConsentDecisions.Decision;
import org.opencdp.consentdecisions.ConsentDecisions.Pair;
import org.opencdp.problem.ProblemException;
import org.opencdp.problem.ProblemType;

/**
 * Asks consent-service before a subject's or visitor's data is used for a purpose. Fails closed: when
 * consent-service cannot answer, nothing is allowed and the caller gets a 503 problem.
 */
@ApplicationScoped
public class ConsentGate {

    private static final Logger LOG = Logger.getLogger(ConsentGate.class);

    @Inject
    ConsentDecisions decisions;

    /** The pairs consent-service allows, in the order asked. */
    public List<Pair> allowed(Collection<Pair> pairs) {
        if (pairs.isEmpty()) {
            return List.of();
        }
        try {
            return allowedAmong(decisions.decide(List.copyOf(pairs)));
        } catch (ConsentDecisions.ConsentUnavailable e) {
            LOG.warnf("Consent decisions unavailable, refusing: %s", e.getMessage());
            throw new ProblemException(
                    ProblemType.SERVICE_UNAVAILABLE,
                    "consent-service cannot be asked right now, so nothing is released; try again later.");
        }
    }

    /** The subjects allowed for the purpose. */
    public Set<UUID> allowedSubjects(Collection<UUID> subjects, String purpose) {
        Set<UUID> allowed = new LinkedHashSet<>();
        allowed(subjects.stream().map(s -> Pair.ofSubject(s, purpose)).toList())
                .forEach(p -> allowed.add(p.subjectId()));
        return allowed;
    }

    /** Only an explicit "allowed" counts; anything else (denied, unknown purpose, no record) is a no. */
    static List<Pair> allowedAmong(List<Decision> answers) {
        return answers.stream().filter(Decision::allowed).map(Decision::pair).toList();
    }
}
