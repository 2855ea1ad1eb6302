package org.opencdp.retention.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opencdp.audit.AuditTrail;
import org.opencdp.caller.Caller;
import org.opencdp.problem.ProblemException;
import org.opencdp.problem.ProblemType;
import org.opencdp.retention.domain.Extension;
import org.opencdp.retention.domain.NewRequest;
import org.opencdp.retention.domain.Receipt;
import org.opencdp.retention.domain.RequestDetails;
import org.opencdp.retention.domain.RequestFilter;
import org.opencdp.retention.domain.RequestPage;
import org.opencdp.retention.domain.RequestState;
import org.opencdp.retention.domain.RequestTask;
import org.opencdp.retention.domain.RequestType;
import org.opencdp.retention.domain.SubjectRequest;
import org.opencdp.retention.domain.TaskStatus;
import org.opencdp.retention.domain.Verification;
import org.opencdp.retention.repository.RequestRepository;
import org.opencdp.retention.repository.TaskRepository;
import org.opencdp.subjectrights.CategoryOutcome;
import org.opencdp.subjectrights.ContractCapabilities;
import org.opencdp.subjectrights.SubjectRight;
import org.opencdp.subjectrights.SubjectRightsReport;
import org.opencdp.subjectrights.client.ParticipantAnswer;
import org.opencdp.subjectrights.client.SubjectRightsParticipants;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The dpo's side of a data-subject request: filing it, the identity check, a due-date extension, a rejection, and
 * reading the receipt. Verifying a request stores one task per participating service in the same transaction; the
 * {@link RequestWorker} then calls the services.
 */
@ApplicationScoped
public class SubjectRequests {

    @Inject
    Event<TasksStored> tasksStored;

    @Inject
    RequestRepository requests;

    @Inject
    TaskRepository tasks;

    @Inject
    SubjectRightsParticipants participants;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    RectificationPatches patches;

    @Transactional
    public SubjectRequest file(NewRequest input) {
        if (input.receivedOn().isAfter(today())) {
            throw ProblemException.invalidField("receivedOn", "must not be in the future");
        }
        String rectification = patches.checked(input.type(), input.rectification());
        var request = new SubjectRequest(
                UUID.randomUUID(),
                input.type(),
                input.subjectId(),
                input.channel(),
                input.receivedOn(),
                SubjectRequest.dueOn(input.receivedOn()),
                RequestState.RECEIVED,
                null,
                null,
                null,
                caller.name(),
                Instant.now(clock),
                null,
                rectification,
                false);
        requests.insert(request);
        audit.record(request.subjectId(), "subject-request.file", "data-subject request " + request.id());
        return request;
    }

    /**
     * Records the identity check and stores the request's tasks: from now on the worker carries it out. Which
     * services take part is decided here, before the request is locked (it may ask the services).
     */
    @Transactional
    public RequestDetails verify(UUID id, Verification verification) {
        SubjectRequest filed = requests.find(id).orElseThrow(() -> ProblemException.notFound("No request " + id + "."));
        List<String> taking = filed.state() == RequestState.RECEIVED ? participantsOf(filed.type()) : List.of();
        SubjectRequest request = requireForUpdate(id);
        if (request.state() != RequestState.RECEIVED) {
            throw ProblemException.conflict("The request is " + request.state() + "; only a RECEIVED one is verified.");
        }
        if (verification.verifiedAt().isAfter(Instant.now(clock))) {
            throw ProblemException.invalidField("verifiedAt", "must not be in the future");
        }
        requests.verified(id, verification);
        tasks.insert(id, taking, Instant.now(clock));
        tasksStored.fire(new TasksStored(id));
        return details(id);
    }

    @Transactional
    public RequestDetails extend(UUID id, int months, Extension extension) {
        SubjectRequest request = requireForUpdate(id);
        requests.extended(id, DueDates.extended(request, months, extension), extension);
        return details(id);
    }

    /** Refuses a request before any service was asked, e.g. when the requester's identity cannot be confirmed. */
    @Transactional
    public RequestDetails reject(UUID id, String reason) {
        SubjectRequest request = requireForUpdate(id);
        if (request.state() != RequestState.RECEIVED && request.state() != RequestState.VERIFIED) {
            throw ProblemException.conflict(
                    "The request is " + request.state() + "; only a RECEIVED or VERIFIED one " + "can be rejected.");
        }
        if (request.state() == RequestState.VERIFIED
                && tasks.tasksOf(id).stream().anyMatch(t -> t.attempts() > 0)) {
            throw ProblemException.conflict("The services were asked already; the request can no longer be rejected.");
        }
        requests.rejected(id, reason, Instant.now(clock));
        tasks.cancel(id);
        return details(id);
    }

    /**
     * Asks a service again after it refused its task (FAILED), once the dpo dealt with the cause, e.g. lifted a
     * restriction or fixed a service account. The task is due at once; the worker calls the service as before.
     */
    @Transactional
    public RequestDetails retryTask(UUID id, String participant) {
        SubjectRequest request = requireForUpdate(id);
        RequestTask task = tasks.tasksOf(id).stream()
                .filter(t -> t.participant().equals(participant))
                .findFirst()
                .orElseThrow(
                        () -> ProblemException.notFound("Request " + id + " has no task for " + participant + "."));
        if (!request.state().isOpen() || task.status() != TaskStatus.FAILED) {
            throw ProblemException.conflict("The task of " + participant + " is " + task.status()
                    + "; only a FAILED task of an open request is retried.");
        }
        tasks.retry(id, participant, Instant.now(clock));
        audit.record(request.subjectId(), "subject-request.retry", "data-subject request " + id + ", " + participant);
        return details(id);
    }

    @Transactional
    public RequestDetails details(UUID id) {
        SubjectRequest request =
                requests.find(id).orElseThrow(() -> ProblemException.notFound("No request " + id + "."));
        return new RequestDetails(request, tasks.tasksOf(id));
    }

    /**
     * One page of every request (newest first), of the open ones due within {@code dueWithin}, or of the overdue ones
     * (both most urgent first), continuing after the request {@code after}; a cursor naming no request is a 400.
     */
    @Transactional
    public RequestPage list(boolean overdue, Period dueWithin, UUID after, int limit) {
        if (after != null && requests.find(after).isEmpty()) {
            throw ProblemException.invalidField("cursor", "is not a cursor this API returned; start again without it");
        }
        LocalDate today = today();
        RequestFilter filter = overdue
                ? new RequestFilter(null, today)
                : dueWithin == null ? RequestFilter.all() : new RequestFilter(today.plus(dueWithin), null);
        List<SubjectRequest> found = requests.list(filter, after, limit + 1);
        if (found.size() <= limit) {
            return new RequestPage(found, null);
        }
        List<SubjectRequest> page = found.subList(0, limit);
        return new RequestPage(List.copyOf(page), page.getLast().id());
    }

    /**
     * One JSON document with every service's export, for an access or portability request once every service
     * answered. Reading it is recorded in the audit trail: it is the subject's data.
     */
    @Transactional
    public ObjectNode export(UUID id) {
        RequestDetails details = details(id);
        SubjectRequest request = details.request();
        if (!request.type().exportsData()) {
            throw ProblemException.conflict("A " + request.type() + " request has no export; read its receipt.");
        }
        if (request.state() != RequestState.COMPLETED) {
            long answered =
                    details.tasks().stream().filter(t -> t.result() != null).count();
            throw ProblemException.conflict("The export is not complete yet: " + answered + " of "
                    + details.tasks().size() + " services answered.");
        }
        audit.record(request.subjectId(), "subject-request.export-read", "data-subject request " + id);
        ObjectNode document = json.createObjectNode()
                .put("requestId", id.toString())
                .put("subjectId", request.subjectId().toString())
                .put("type", request.type().name())
                .put("generatedAt", Instant.now(clock).toString());
        ArrayNode services = document.putArray("services");
        for (RequestTask task : details.tasks()) {
            services.add(json.createObjectNode()
                    .put("participant", task.participant())
                    .set("export", read(task)));
        }
        return document;
    }

    private JsonNode read(RequestTask task) {
        try {
            return json.readTree(task.result());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored export of " + task.participant() + " is not readable", e);
        }
    }

    /** The receipt of an erasure, restriction or lifting, per service and category. */
    @Transactional
    public Receipt receipt(UUID id) {
        RequestDetails details = details(id);
        SubjectRequest request = details.request();
        if (request.type().exportsData() || request.type() == RequestType.OBJECTION) {
            throw ProblemException.conflict("A " + request.type() + " request has no receipt of erased or restricted "
                    + "records; read the request itself" + (request.type().exportsData() ? " or its export." : "."));
        }
        List<Receipt.ServiceReceipt> services = details.tasks().stream()
                .map(t -> new Receipt.ServiceReceipt(t.participant(), t.status(), t.lastError(), reportOf(t)))
                .toList();
        boolean noDataHeld = request.state() == RequestState.COMPLETED
                && services.stream()
                        .flatMap(s -> s.report().categories().stream())
                        .allMatch(SubjectRequests::touchedNothing);
        return new Receipt(request.id(), request.subjectId(), request.type(), request.state(), noDataHeld, services);
    }

    private static boolean touchedNothing(CategoryOutcome outcome) {
        return outcome.erased() == 0
                && outcome.restricted() == 0
                && outcome.keptUnderLegalHold() == 0
                && (outcome.rectified() == null || outcome.rectified() == 0);
    }

    private SubjectRightsReport reportOf(RequestTask task) {
        if (task.result() == null) {
            return null;
        }
        try {
            return json.readValue(task.result(), SubjectRightsReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored receipt of " + task.participant() + " is not readable", e);
        }
    }

    /**
     * Which services a request of this type reaches: every configured participant for what the contract makes every
     * service honour (export, erasure, restriction), even one that is down now; for a right only some services
     * declare (rectification, objection), those whose capabilities declare it. When a participant cannot say, the
     * verification is refused (503) and nothing is stored, so that no service is left out by accident.
     */
    List<String> participantsOf(RequestType type) {
        SubjectRight right = type.right();
        if (SubjectRight.EVERY_SERVICE.contains(right)) {
            return participants.names();
        }
        List<ParticipantAnswer<ContractCapabilities>> answers = participants.capabilities();
        List<String> silent = answers.stream()
                .filter(a -> !a.answered())
                .map(a -> a.participant() + " (" + a.error() + ")")
                .toList();
        if (!silent.isEmpty()) {
            throw new ProblemException(
                    ProblemType.SERVICE_UNAVAILABLE,
                    "Cannot tell which services take part in a " + type + " request: " + String.join(", ", silent)
                            + " did not declare its capabilities. Nothing was stored; verify again later.");
        }
        List<String> taking = answers.stream()
                .filter(a -> a.result().rights() != null && a.result().rights().contains(right))
                .map(ParticipantAnswer::participant)
                .toList();
        if (taking.isEmpty()) {
            throw ProblemException.unprocessable("No participating service declares " + right + "; a " + type
                    + " request cannot be carried out here.");
        }
        return taking;
    }

    SubjectRequest requireForUpdate(UUID id) {
        return requests.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("No request " + id + "."));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    }
}
