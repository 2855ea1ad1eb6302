package org.opencdp.profile.client;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencdp.servicecalls.ServiceClients;
import org.opencdp.servicecalls.ServiceTokens;
import org.opencdp.subjectrights.ActiveSubjects;
import org.opencdp.subjectrights.SubjectActivityApi;
import org.opencdp.subjectrights.SubjectActivityQuery;

/**
 * A customer's activity outside profile-service, for the retention of inactive profiles: every service named in
 * {@code opencdp.profile.retention.activity-services} (behaviour: orders and carts; tracking: identified visits) is
 * asked which of a page of customers was active since the cutoff ({@link SubjectActivityApi}), with profile-service's
 * own token, retried and guarded by libs/service-calls. One service without an answer makes the whole answer unknown.
 */
@ApplicationScoped
public class ActivityElsewhere {

    @Inject
    ServiceClients clients;

    @ConfigProperty(name = "opencdp.profile.retention.activity-services")
    List<String> services;

    /**
     * The customers among {@code subjectIds} (at most {@value SubjectActivityQuery#MAX_SUBJECTS}) that any of the
     * services reports active at or after {@code since}.
     *
     * @throws ActivityUnknown when a service did not answer (down, an error, a timeout, a refusal)
     */
    public Set<UUID> activeAmong(List<UUID> subjectIds, Instant since) {
        SubjectActivityQuery query = new SubjectActivityQuery(subjectIds, since);
        Set<UUID> active = new HashSet<>();
        for (String service : services) {
            ActiveSubjects answer;
            try {
                answer = clients.call(service, SubjectActivityApi.class, api -> api.activeSince(query));
            } catch (RuntimeException e) {
                throw new ActivityUnknown(service, e.getClass().getSimpleName(), e);
            }
            if (answer == null || answer.activeSubjectIds() == null) {
                throw new ActivityUnknown(service, "an empty answer", null);
            }
            active.addAll(answer.activeSubjectIds());
        }
        active.retainAll(Set.copyOf(subjectIds));
        return active;
    }

    /** A service asked about activity did not answer; its message names the service and why, never a customer. */
    public static final class ActivityUnknown extends RuntimeException {

        ActivityUnknown(String service, String why, Throwable cause) {
            super(ServiceTokens.audienceOf(service) + " did not answer: " + why, cause);
        }
    }
}
