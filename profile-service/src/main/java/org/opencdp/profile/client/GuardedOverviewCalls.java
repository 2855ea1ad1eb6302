package org.opencdp.profile.client;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.opencdp.profile.domain.ConsentState;
import org.opencdp.profile.domain.OverviewPart;
import org.opencdp.profile.domain.PurchaseKpis;
import org.opencdp.profile.domain.WebVisits;
import org.opencdp.servicecalls.ServiceClients;

import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.mutiny.Uni;

/**
 * The 360° view's calls to the other services, each guarded on its own (one circuit breaker and one bulkhead per
 * method, so per service called): a timeout, because an agent is waiting; a circuit breaker, so a service that keeps
 * failing is not asked again for a while; a bulkhead, so a slow service cannot tie up more than its share of calls.
 * The defaults below are overridden in application.properties ({@code quarkus.fault-tolerance."<this class>"...}).
 * A 5xx answer fails the call (and counts for the circuit breaker); 403 and 404 are answers, not failures.
 * {@link OverviewSources} turns failures into markers.
 */
@ApplicationScoped
@AsynchronousNonBlocking
@Timeout(300)
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5_000)
@Bulkhead(value = 20, waitingTaskQueue = 20)
public class GuardedOverviewCalls {

    static final String BEHAVIOUR = "behaviour";
    static final String TRACKING = "tracking";
    static final String CONSENT = "consent";

    @Inject
    ServiceClients clients;

    public Uni<OverviewPart<PurchaseKpis>> kpis(UUID subjectId, String bearer) {
        return clients.onBehalfOfCaller(BEHAVIOUR, OverviewApis.Kpis.class)
                .of(subjectId.toString(), bearer)
                .map(response -> answer(BEHAVIOUR, response, OverviewApis.WireKpis.class, GuardedOverviewCalls::kpis));
    }

    public Uni<OverviewPart<WebVisits>> webVisits(UUID subjectId, String bearer) {
        return clients.onBehalfOfCaller(TRACKING, OverviewApis.WebActivity.class)
                .of(subjectId.toString(), bearer)
                .map(response -> answer(
                        TRACKING, response, OverviewApis.WireWebActivity.class, GuardedOverviewCalls::webVisits));
    }

    public Uni<OverviewPart<List<ConsentState>>> consents(UUID subjectId, List<String> purposes, String bearer) {
        OverviewApis.DecisionRequest request = new OverviewApis.DecisionRequest(purposes.stream()
                .map(purpose -> new OverviewApis.Pair(subjectId.toString(), purpose))
                .toList());
        return clients.onBehalfOfCaller(CONSENT, OverviewApis.Decisions.class)
                .decide(request, bearer)
                .map(response ->
                        answer(CONSENT, response, OverviewApis.DecisionResponse.class, GuardedOverviewCalls::consents));
    }

    private static <W, T> OverviewPart<T> answer(
            String service, Response response, Class<W> wire, Function<W, T> toDomain) {
        int status = response.getStatus();
        if (status >= 500) {
            throw new ServiceFailure(service, status);
        }
        if (status == Response.Status.FORBIDDEN.getStatusCode()) {
            return new OverviewPart.NotPermitted<>();
        }
        if (status == Response.Status.NOT_FOUND.getStatusCode()) {
            return new OverviewPart.NoData<>(OverviewSources.serviceName(service) + " has no data on the subject");
        }
        if (status >= 300) {
            return new OverviewPart.Unavailable<>(
                    OverviewSources.serviceName(service) + " refused the call (" + status + ")");
        }
        return OverviewPart.shown(toDomain.apply(response.readEntity(wire)));
    }

    private static PurchaseKpis kpis(OverviewApis.WireKpis k) {
        return new PurchaseKpis(
                k.currency(),
                k.totalRevenue(),
                k.orderCount(),
                k.averageOrderValue(),
                k.firstPurchase(),
                k.lastPurchase(),
                k.nextExpectedPurchase(),
                k.recencyScore(),
                k.frequencyScore(),
                k.monetaryScore(),
                k.rfmSegment(),
                k.historicalClv(),
                k.predictedClv(),
                k.probabilityAlive(),
                k.computedAt());
    }

    private static WebVisits webVisits(OverviewApis.WireWebActivity a) {
        return new WebVisits(
                a.lastVisit(),
                a.visits(),
                a.topPages() == null
                        ? List.of()
                        : a.topPages().stream()
                                .map(p -> new WebVisits.PageViews(p.url(), p.views()))
                                .toList());
    }

    private static List<ConsentState> consents(OverviewApis.DecisionResponse answer) {
        return answer.decisions().stream()
                .map(d -> new ConsentState(d.purpose(), d.allowed(), d.legalBasis(), d.reason(), d.entryId()))
                .toList();
    }

    /** A 5xx answer: the service is there but failing. */
    static final class ServiceFailure extends RuntimeException {

        ServiceFailure(String service, int status) {
            super(OverviewSources.serviceName(service) + " answered " + status, null, false, false);
        }
    }
}
