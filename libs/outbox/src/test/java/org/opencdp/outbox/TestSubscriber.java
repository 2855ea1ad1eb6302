package org.opencdp.outbox;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A receiving service in miniature: takes batches from the relay (only from this service's own account), handles
 * each event once, and can be made to fail like a subscriber that is down.
 */
@Path("/test/inbox")
public class TestSubscriber {

    /** Every envelope that arrived, duplicates included, in arrival order. */
    static final List<EventEnvelope> RECEIVED = new CopyOnWriteArrayList<>();
    /** Event ids handled for the first time. */
    static final List<UUID> HANDLED = new CopyOnWriteArrayList<>();
    /** A status to answer with instead of accepting, e.g. 503; 0 accepts. */
    static volatile int failWith;
    /** Subjects whose events this receiver refuses as unprocessable (422), like a payload it cannot read. */
    static final Set<UUID> REFUSED_SUBJECTS = ConcurrentHashMap.newKeySet();

    @Inject
    Inbox inbox;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("svc-outbox-test")
    @Transactional
    public Response deliver(List<EventEnvelope> events) {
        if (failWith != 0) {
            return Response.status(failWith).build();
        }
        if (events.stream().anyMatch(event -> REFUSED_SUBJECTS.contains(event.subjectId()))) {
            return Response.status(422).build();
        }
        for (EventEnvelope event : events) {
            RECEIVED.add(event);
            if (inbox.firstDelivery(event.id())) {
                HANDLED.add(event.id());
            }
        }
        return Response.noContent().build();
    }

    static List<EventEnvelope> receivedAbout(UUID subjectId) {
        return RECEIVED.stream().filter(e -> subjectId.equals(e.subjectId())).toList();
    }
}
