package org.opencdp.profile.client;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;
import org.opencdp.profile.domain.ConsentState;
import org.opencdp.profile.domain.OverviewPart;
import org.opencdp.profile.domain.PurchaseKpis;
import org.opencdp.profile.domain.WebVisits;
import org.opencdp.servicecalls.ServiceTokens;

import io.smallrye.mutiny.Uni;

/**
 * The remote parts of the 360° view, asked with the caller's own token ({@code Bearer ...}). Each answer is a part
 * or a marker, never a failure: a call that timed out, found the service down, got a 5xx, or was not made because
 * the circuit is open or the bulkhead full becomes {@link OverviewPart.Unavailable} with the reason.
 */
@ApplicationScoped
public class OverviewSources {

    private static final Logger LOG = Logger.getLogger(OverviewSources.class);

    @Inject
    GuardedOverviewCalls calls;

    public Uni<OverviewPart<PurchaseKpis>> kpis(UUID subjectId, String bearer) {
        return guarded(GuardedOverviewCalls.BEHAVIOUR, subjectId, () -> calls.kpis(subjectId, bearer));
    }

    public Uni<OverviewPart<WebVisits>> webVisits(UUID subjectId, String bearer) {
        return guarded(GuardedOverviewCalls.TRACKING, subjectId, () -> calls.webVisits(subjectId, bearer));
    }

    public Uni<OverviewPart<List<ConsentState>>> consents(UUID subjectId, List<String> purposes, String bearer) {
        return guarded(GuardedOverviewCalls.CONSENT, subjectId, () -> calls.consents(subjectId, purposes, bearer));
    }

    /** The name a marker gives a service: its client id, {@code behaviour-service}. */
    public static String serviceName(String service) {
        return ServiceTokens.audienceOf(service);
    }

    private static <T> Uni<OverviewPart<T>> guarded(
            String service, UUID subjectId, java.util.function.Supplier<Uni<OverviewPart<T>>> call) {
        // deferred: a call refused before it starts (open circuit, full bulkhead) fails the Uni, not this thread
        return Uni.createFrom().<OverviewPart<T>>deferred(call::get).onFailure().recoverWithItem(failure -> {
            String reason = reason(service, failure);
            LOG.debugf("360° view of subject %s: %s", subjectId, reason);
            return (OverviewPart<T>) new OverviewPart.Unavailable<T>(reason);
        });
    }

    static String reason(String service, Throwable failure) {
        String name = serviceName(service);
        if (failure instanceof TimeoutException) {
            return name + " timed out";
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return name + " circuit open";
        }
        if (failure instanceof BulkheadException) {
            return name + " is busy";
        }
        return name + " is unavailable";
    }
}
