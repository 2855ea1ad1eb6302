package org.opencdp.behaviour.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.opencdp.audit.AuditTrail;
import org.opencdp.behaviour.repository.RecommendationRepository;
import org.opencdp.behaviour.repository.RecommendationRepository.Product;
import org.opencdp.consentdecisions.ConsentDecisions.Pair;
import org.opencdp.problem.ProblemException;
import org.opencdp.subjectrights.SubjectRestrictions;

import io.quarkus.scheduler.Scheduled;

/**
 * Cross-selling for a subject: products frequently bought together with what they bought, only with consent for
 * personalisation, asked of consent-service on every request (so a revocation takes effect at once: there is no
 * personal list kept to go stale). Otherwise, or when consent-service cannot be asked, the non-personal
 * bestsellers.
 */
@ApplicationScoped
public class Recommendations {

    private static final Logger LOG = Logger.getLogger(Recommendations.class);

    public enum Kind {
        /** Bought together with what this customer bought. */
        PERSONAL,
        /** The shop's bestsellers, the same for everyone. */
        BESTSELLERS
    }

    /** Why this kind of list was given. */
    public enum Reason {
        CONSENT_GIVEN,
        NO_CONSENT,
        PROCESSING_RESTRICTED,
        CONSENT_SERVICE_UNAVAILABLE,
        NO_PURCHASES_TO_GO_ON
    }

    public record Recommended(Kind kind, Reason reason, List<Product> products) {}

    @Inject
    RecommendationRepository repository;

    @Inject
    ConsentGate consent;

    @Inject
    SubjectRestrictions restrictions;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @ConfigProperty(name = "opencdp.behaviour.recommendations.purpose")
    String purpose;

    @ConfigProperty(name = "opencdp.behaviour.recommendations.min-orders")
    int minOrders;

    @ConfigProperty(name = "opencdp.behaviour.reports.min-customers")
    int minCustomers;

    @ConfigProperty(name = "opencdp.behaviour.recommendations.bestseller-window")
    Duration bestsellerWindow;

    @Transactional
    public Recommended forSubject(UUID subjectId, int size) {
        if (restrictions.isRestricted(subjectId)) {
            return bestsellers(Reason.PROCESSING_RESTRICTED, size);
        }
        boolean allowed;
        try {
            allowed = !consent.allowed(List.of(Pair.ofSubject(subjectId, purpose)))
                    .isEmpty();
        } catch (ProblemException unavailable) {
            return bestsellers(Reason.CONSENT_SERVICE_UNAVAILABLE, size);
        }
        if (!allowed) {
            return bestsellers(Reason.NO_CONSENT, size);
        }
        List<Product> personal = repository.boughtTogether(subjectId, size);
        audit.record(subjectId, "recommendation.read", purpose);
        return personal.isEmpty()
                ? bestsellers(Reason.NO_PURCHASES_TO_GO_ON, size)
                : new Recommended(Kind.PERSONAL, Reason.CONSENT_GIVEN, personal);
    }

    private Recommended bestsellers(Reason reason, int size) {
        return new Recommended(Kind.BESTSELLERS, reason, repository.bestsellers(size));
    }

    /** Nightly and on demand: products bought together, and the bestsellers. */
    @Scheduled(
            identity = "recommendations-recompute",
            cron = "${opencdp.behaviour.recommendations.recompute-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void recompute() {
        int pairs = repository.recomputeAffinities(minOrders);
        int bestsellers =
                repository.recomputeBestsellers(Instant.now(clock).minus(bestsellerWindow), minCustomers, 100);
        LOG.infof("Recommendations recomputed: %d product pairs, %d bestsellers", pairs, bestsellers);
    }
}
