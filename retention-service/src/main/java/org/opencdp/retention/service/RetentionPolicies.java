package org.opencdp.retention.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.opencdp.caller.Caller;
import org.opencdp.problem.ProblemException;
import org.opencdp.retention.domain.PolicyChange;
import org.opencdp.retention.domain.PolicyHistory;
import org.opencdp.retention.domain.RetentionPolicy;
import org.opencdp.retention.repository.PolicyRepository;

/**
 * The retention policies: one per data category, versioned. A change appends a version (with who and when) and
 * never rewrites one, so the history is the accountability record of the periods in force at any time.
 */
@ApplicationScoped
public class RetentionPolicies {

    private static final Logger LOG = Logger.getLogger(RetentionPolicies.class);

    @Inject
    PolicyRepository policies;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** The policy in force of every category. */
    @Transactional
    public List<RetentionPolicy> current() {
        return policies.current();
    }

    @Transactional
    public PolicyHistory history(String category) {
        List<RetentionPolicy> versions = policies.versions(category);
        if (versions.isEmpty()) {
            throw unknown(category);
        }
        return new PolicyHistory(versions.getFirst(), versions);
    }

    /**
     * Puts a new version of the category's policy. {@code expectedVersion} is the version the dpo read (If-Match):
     * a policy changed meanwhile is a 412, so no one overwrites a change unseen.
     */
    @Transactional
    public RetentionPolicy change(String category, int expectedVersion, PolicyChange change) {
        if (!policies.lockCategory(category)) {
            throw unknown(category);
        }
        RetentionPolicy current = policies.versions(category).getFirst();
        if (current.version() != expectedVersion) {
            throw ProblemException.preconditionFailed("The policy of " + category + " is at version "
                    + current.version() + " now; read it again and send its ETag in If-Match.");
        }
        var next = new RetentionPolicy(
                category,
                current.description(),
                current.version() + 1,
                change.period(),
                change.startEvent(),
                change.roundToEndOfYear(),
                change.legalReference(),
                change.reviewWithLegalCounsel(),
                change.reviewNote(),
                caller.name(),
                Instant.now(clock));
        policies.insert(next);
        // Who changed it is in the version itself, not in the log (a login name is personal data).
        LOG.infof("Retention policy %s: version %d (%s)", category, next.version(), next.period());
        return next;
    }

    private static ProblemException unknown(String category) {
        return ProblemException.notFound("No retention category " + category + ".");
    }
}
