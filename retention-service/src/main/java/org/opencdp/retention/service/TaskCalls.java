package org.opencdp.retention.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencdp.retention.client.Objections;
import org.opencdp.retention.domain.ClaimedTask;
import org.opencdp.subjectrights.SubjectDataExport;
import org.opencdp.subjectrights.SubjectRectification;
import org.opencdp.subjectrights.SubjectRightsRequest;
import org.opencdp.subjectrights.client.ParticipantAnswer;
import org.opencdp.subjectrights.client.SubjectRightsParticipants;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One task's call to its service, with the request id as idempotency key: a service answers a repeated erasure,
 * restriction or lifting of the same request with its first receipt, so a task retried after a crash does nothing
 * twice.
 */
@ApplicationScoped
class TaskCalls {

    @Inject
    SubjectRightsParticipants participants;

    @Inject
    Objections objections;

    @Inject
    ObjectMapper json;

    /** The categories a person provided (Art. 20): a portability export leaves out derived data such as scores. */
    @ConfigProperty(name = "opencdp.retention.portability.categories")
    List<String> providedCategories;

    ParticipantAnswer<?> call(ClaimedTask task) {
        String subject = task.subjectId().toString();
        var request = new SubjectRightsRequest(task.requestId());
        return switch (task.type()) {
            case ACCESS -> participants.ask(task.participant(), api -> api.export(subject));
            case PORTABILITY -> provided(participants.ask(task.participant(), api -> api.export(subject)));
            case ERASURE -> participants.ask(task.participant(), api -> api.erase(subject, request));
            case RESTRICTION -> participants.ask(task.participant(), api -> api.restrict(subject, request));
            case LIFT_RESTRICTION ->
                participants.ask(
                        task.participant(),
                        api -> api.liftRestriction(subject, task.requestId().toString()));
            case OBJECTION -> objections.object(task.participant(), task.subjectId(), task.requestId(), task.channel());
            case RECTIFICATION -> {
                if (task.rectification() == null) {
                    // The subject was erased meanwhile, and the patch with it: nothing left to correct.
                    yield new ParticipantAnswer<>(task.participant(), null, "patch erased with the subject", 410);
                }
                var rectification = new SubjectRectification(task.requestId(), patchOf(task));
                yield participants.ask(task.participant(), api -> api.rectify(subject, rectification));
            }
        };
    }

    private ObjectNode patchOf(ClaimedTask task) {
        if (task.rectification() == null) {
            throw new IllegalStateException("request " + task.requestId() + " has no rectification patch");
        }
        try {
            return (ObjectNode) json.readTree(task.rectification());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "stored rectification of request " + task.requestId() + " is unreadable", e);
        }
    }

    private ParticipantAnswer<SubjectDataExport> provided(ParticipantAnswer<SubjectDataExport> answer) {
        if (!answer.answered()) {
            return answer;
        }
        SubjectDataExport export = answer.result();
        var provided = export.categories().stream()
                .filter(c -> providedCategories.contains(c.category()))
                .toList();
        return ParticipantAnswer.of(
                answer.participant(),
                new SubjectDataExport(
                        export.service(), export.subjectId(), export.exportedAt(), export.restricted(), provided));
    }
}
