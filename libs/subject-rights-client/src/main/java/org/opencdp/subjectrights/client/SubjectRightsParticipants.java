package org.opencdp.subjectrights.client;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.opencdp.servicecalls.ServiceClients;
import org.opencdp.subjectrights.ContractCapabilities;
import org.opencdp.subjectrights.RetentionPurgeApi;
import org.opencdp.subjectrights.RetentionPurgeReport;
import org.opencdp.subjectrights.RetentionPurgeRequest;
import org.opencdp.subjectrights.SubjectDataExport;
import org.opencdp.subjectrights.SubjectRightsApi;
import org.opencdp.subjectrights.SubjectRightsReport;
import org.opencdp.subjectrights.SubjectRightsRequest;

/**
 * The contract's client side, for retention-service: calls every participating service
 * ({@code opencdp.subject-rights.participants}, base URLs from {@code opencdp.services.<name>.url}) with the
 * service's own client-credentials token, retries and a circuit breaker per service, and collects one answer
 * per participant.
 */
@ApplicationScoped
public class SubjectRightsParticipants {

    private static final Logger LOG = Logger.getLogger(SubjectRightsParticipants.class);

    @Inject
    ServiceClients clients;

    @ConfigProperty(name = "opencdp.subject-rights.participants")
    List<String> participants;

    @ConfigProperty(name = "opencdp.subject-rights.purge-timeout")
    Duration purgeTimeout;

    /** The participating services, as configured. */
    public List<String> names() {
        return List.copyOf(participants);
    }

    public List<ParticipantAnswer<ContractCapabilities>> capabilities() {
        return ask(SubjectRightsApi::capabilities);
    }

    public List<ParticipantAnswer<SubjectDataExport>> export(UUID subjectId) {
        return ask(api -> api.export(subjectId.toString()));
    }

    public List<ParticipantAnswer<SubjectRightsReport>> erase(UUID subjectId, UUID requestId) {
        return ask(api -> api.erase(subjectId.toString(), new SubjectRightsRequest(requestId)));
    }

    public List<ParticipantAnswer<SubjectRightsReport>> restrict(UUID subjectId, UUID requestId) {
        return ask(api -> api.restrict(subjectId.toString(), new SubjectRightsRequest(requestId)));
    }

    public List<ParticipantAnswer<SubjectRightsReport>> liftRestriction(UUID subjectId, UUID requestId) {
        return ask(api -> api.liftRestriction(subjectId.toString(), requestId.toString()));
    }

    /**
     * Asks one participant to purge what has expired under the policies of {@code order} (the retention purge
     * contract, through the same {@link RetentionPurgeApi} the participant's server side implements); a participant
     * that does not answer is reported with the reason, like any other call.
     */
    public ParticipantAnswer<RetentionPurgeReport> purge(String participant, RetentionPurgeRequest order) {
        return ask(participant, RetentionPurgeApi.class, purgeTimeout, api -> api.purge(order));
    }

    /** One participant, e.g. to retry a single failed task of a request. */
    public <T> ParticipantAnswer<T> ask(String participant, Function<SubjectRightsApi, T> call) {
        return ask(participant, SubjectRightsApi.class, call);
    }

    /**
     * One participant through another of its interfaces (e.g. consent-service's objection endpoint), answered the
     * same way: the result, or why there is none.
     */
    public <A, T> ParticipantAnswer<T> ask(String participant, Class<A> api, Function<A, T> call) {
        return ask(participant, api, ServiceClients.DEFAULT_READ_TIMEOUT, call);
    }

    private <A, T> ParticipantAnswer<T> ask(
            String participant, Class<A> api, Duration readTimeout, Function<A, T> call) {
        try {
            return ParticipantAnswer.of(participant, clients.call(participant, api, readTimeout, call));
        } catch (RuntimeException e) {
            String reason = describe(e);
            LOG.warnf("Subject-rights call to %s failed: %s", participant, reason);
            return new ParticipantAnswer<>(participant, null, reason, statusOf(e));
        }
    }

    private <T> List<ParticipantAnswer<T>> ask(Function<SubjectRightsApi, T> call) {
        return participants.stream().map(p -> ask(p, call)).toList();
    }

    private static Integer statusOf(RuntimeException e) {
        return e instanceof WebApplicationException http && http.getResponse() != null
                ? http.getResponse().getStatus()
                : null;
    }

    private static String describe(RuntimeException e) {
        if (e instanceof WebApplicationException http && http.getResponse() != null) {
            return "answered HTTP " + http.getResponse().getStatus();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "unreachable: " + root.getClass().getSimpleName();
    }
}
