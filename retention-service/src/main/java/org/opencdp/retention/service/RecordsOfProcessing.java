package org.opencdp.retention.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.retention.client.ConsentPurposes;
import org.opencdp.retention.domain.CatalogPurpose;
import org.opencdp.retention.domain.RecordOfProcessing;
import org.opencdp.retention.repository.PolicyRepository;
import org.opencdp.subjectrights.ContractCapabilities;
import org.opencdp.subjectrights.client.ParticipantAnswer;
import org.opencdp.subjectrights.client.SubjectRightsParticipants;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The record of processing activities (GDPR Art. 30), generated at each request from the running system: every
 * participant's declared data categories, consent-service's purpose catalog, the retention policies in force and
 * {@code opencdp.records.*}. Nothing of it is stored, so it cannot drift from the code.
 */
@ApplicationScoped
public class RecordsOfProcessing {

    @Inject
    SubjectRightsParticipants participants;

    @Inject
    ConsentPurposes purposes;

    @Inject
    PolicyRepository policies;

    @Inject
    RecordsSettings settings;

    @Inject
    Clock clock;

    public RecordOfProcessing generate() {
        List<RecordAssembler.Declared> declared = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        for (ParticipantAnswer<ContractCapabilities> answer : participants.capabilities()) {
            if (answer.answered()) {
                declared.add(new RecordAssembler.Declared(
                        answer.result().service(), answer.result().categories()));
            } else {
                unanswered.add("The service " + answer.participant() + " did not declare its data categories ("
                        + answer.error() + "): the record lacks them");
            }
        }
        ParticipantAnswer<List<CatalogPurpose>> catalog = purposes.catalog();
        return RecordAssembler.assemble(
                Instant.now(clock),
                settings,
                declared,
                unanswered,
                catalog.answered() ? catalog.result() : null,
                QuarkusTransaction.requiringNew().call(policies::current));
    }
}
