package org.opencdp.retention.client;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.retention.domain.Channel;
import org.opencdp.subjectrights.client.ParticipantAnswer;
import org.opencdp.subjectrights.client.SubjectRightsParticipants;

import com.fasterxml.jackson.databind.JsonNode;

/** Records an Art. 21 objection at consent-service, with the request id as the proof reference. */
@ApplicationScoped
public class Objections {

    @Inject
    SubjectRightsParticipants participants;

    /** {@code participant}: a service that declares OBJECTION in its capabilities (consent-service). */
    public ParticipantAnswer<JsonNode> object(String participant, UUID subjectId, UUID requestId, Channel channel) {
        var objection = new ConsentObjectionApi.Objection(consentChannel(channel), "DSR-" + requestId);
        return participants.ask(
                participant, ConsentObjectionApi.class, api -> api.record(subjectId.toString(), objection));
    }

    private static String consentChannel(Channel channel) {
        return switch (channel) {
            case PHONE -> "PHONE";
            case WEB_FORM -> "WEB_FORM";
            case MAIL, EMAIL, IN_PERSON -> "PAPER";
        };
    }
}
