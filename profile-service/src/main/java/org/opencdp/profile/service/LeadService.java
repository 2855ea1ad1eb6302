package org.opencdp.profile.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opencdp.audit.AuditTrail;
import org.opencdp.problem.Problem;
import org.opencdp.problem.ProblemException;
import org.opencdp.profile.domain.CustomerKind;
import org.opencdp.profile.domain.Lead;
import org.opencdp.profile.domain.LeadDetails;
import org.opencdp.profile.domain.LeadPage;
import org.opencdp.profile.domain.LeadSource;
import org.opencdp.profile.domain.PipelineStage;
import org.opencdp.profile.domain.StoredCustomer;
import org.opencdp.profile.domain.StoredLead;
import org.opencdp.profile.repository.LeadRepository;
import org.opencdp.subjectrights.SubjectRestrictions;

/**
 * The lead use cases: prospective customers in the sales pipeline. A lead is a data subject from the start (own id,
 * own key, audited, erasable); converting it creates the customer with the same subject id and the lead's data, so
 * nothing is entered again and whatever is keyed by the subject id (follow-ups, the timeline) stays with it.
 */
@ApplicationScoped
public class LeadService {

    @Inject
    LeadRepository leads;

    @Inject
    LeadCodec codec;

    @Inject
    CustomerService customers;

    @Inject
    InputChecks checks;

    @Inject
    SubjectRestrictions restrictions;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Transactional
    public StoredLead create(LeadDetails details, LeadSource source) {
        requireValid(details);
        Lead lead = new Lead();
        lead.id = UUID.randomUUID();
        lead.kind = details.kind();
        lead.source = source;
        lead.stage = PipelineStage.NEW;
        lead.createdAt = now();
        lead.updatedAt = lead.createdAt;
        lead.lastTouchedAt = lead.createdAt;
        lead.encryptedDetails = codec.encryptNew(lead.id, details);
        leads.insert(lead);
        audit.record(lead.id, "lead.create", "POST /api/v1/leads");
        return stored(lead, details);
    }

    @Transactional
    public StoredLead get(UUID id) {
        Lead lead = usable(id);
        LeadDetails details = codec.decrypt(lead);
        audit.recordReads(Map.of(id, "lead.read"), "GET /api/v1/leads/{id}");
        return stored(lead, details);
    }

    /** One page in id order, of one stage if given; restricted leads are left out, each shown one recorded. */
    @Transactional
    public LeadPage list(PipelineStage stage, UUID after, int limit) {
        List<Lead> page = leads.page(stage, after, limit + 1);
        List<Lead> shown = new ArrayList<>(page.subList(0, Math.min(limit, page.size())));
        UUID next = page.size() > limit ? shown.getLast().id : null;
        var restricted =
                restrictions.restrictedAmong(shown.stream().map(l -> l.id).toList());
        shown.removeIf(lead -> restricted.contains(lead.id));
        Map<UUID, LeadDetails> details = codec.decryptAll(shown);
        Map<UUID, String> reads = new HashMap<>();
        shown.forEach(lead -> reads.put(lead.id, "lead.read"));
        audit.recordReads(reads, "GET /api/v1/leads");
        return new LeadPage(
                shown.stream().map(lead -> stored(lead, details.get(lead.id))).toList(), next);
    }

    /** Replaces the lead's details and source; a converted lead's data lives in its customer. */
    @Transactional
    public StoredLead replace(UUID id, long expectedVersion, LeadDetails details, LeadSource source) {
        requireValid(details);
        Lead lead = usable(id);
        if (lead.version != expectedVersion) {
            throw ProblemException.preconditionFailed("The lead was changed since you read it (your version "
                    + expectedVersion + ", current " + lead.version + "). Read it again and reapply your change.");
        }
        requireNotConverted(lead);
        if (details.kind() != lead.kind) {
            throw ProblemException.unprocessable(
                    "A " + lead.kind + " lead cannot become a " + details.kind() + " lead; create a new lead instead.");
        }
        lead.source = source;
        lead.encryptedDetails = codec.encrypt(id, details);
        touch(lead);
        leads.updateGuardingVersion(lead);
        audit.record(id, "lead.update", "PUT /api/v1/leads/{id}");
        return stored(lead, details);
    }

    /** Moves the lead to another stage of the pipeline, as {@link PipelineStage#canMoveTo} allows. */
    @Transactional
    public StoredLead moveTo(UUID id, PipelineStage stage) {
        Lead lead = usable(id);
        if (stage == PipelineStage.WON && lead.stage.isOpen()) {
            throw ProblemException.conflict(
                    "A lead is won by converting it into a customer: POST /api/v1/leads/{id}/conversion.");
        }
        if (!lead.stage.canMoveTo(stage)) {
            throw ProblemException.conflict("A lead cannot move from " + lead.stage + " to " + stage
                    + ": open stages move forward or to LOST; WON and LOST are final.");
        }
        lead.stage = stage;
        touch(lead);
        leads.updateGuardingVersion(lead);
        audit.record(id, "lead.stage-change", "PUT /api/v1/leads/{id}/stage");
        return stored(lead, codec.decrypt(lead));
    }

    /**
     * Creates the customer with the lead's subject id and data; the lead becomes WON and keeps only its pipeline
     * facts, so the personal data exists once, in the customer.
     */
    @Transactional
    public StoredCustomer convert(UUID id) {
        // Locked: two conversions at once must not both pass the stage check and race to create the customer.
        Lead lead = leads.findLocked(id).orElseThrow(() -> ProblemException.notFound("There is no lead " + id + "."));
        restrictions.requireUnrestricted(id);
        requireNotConverted(lead);
        if (lead.stage == PipelineStage.LOST) {
            throw ProblemException.conflict(
                    "A lost lead cannot be converted; a new contact with the prospect is a new lead.");
        }
        LeadDetails details = codec.decrypt(lead);
        StoredCustomer customer = customers.createForSubject(
                id, details.toCustomerProfile(lead.source), "POST /api/v1/leads/{id}/conversion");
        lead.stage = PipelineStage.WON;
        lead.convertedAt = now();
        lead.encryptedDetails = null;
        touch(lead);
        leads.updateGuardingVersion(lead);
        audit.record(id, "lead.convert", "POST /api/v1/leads/{id}/conversion");
        return customer;
    }

    /** A change to a lead's follow-ups keeps the lead alive too (expiry counts from the last touch). */
    void touchIfOpenLead(UUID subjectId) {
        leads.find(subjectId).filter(lead -> lead.convertedAt == null).ifPresent(lead -> {
            touch(lead);
            leads.updateGuardingVersion(lead);
        });
    }

    private void touch(Lead lead) {
        lead.updatedAt = now();
        lead.lastTouchedAt = lead.updatedAt;
    }

    private Lead usable(UUID id) {
        Lead lead = leads.find(id).orElseThrow(() -> ProblemException.notFound("There is no lead " + id + "."));
        restrictions.requireUnrestricted(id);
        return lead;
    }

    private static void requireNotConverted(Lead lead) {
        if (lead.convertedAt != null) {
            throw ProblemException.conflict(
                    "The lead was converted into the customer " + lead.id + " already; change the customer instead.");
        }
    }

    /** A person lead has names and no company name, a company lead a company name and no person's names. */
    private void requireValid(LeadDetails details) {
        List<Problem.FieldError> errors = new ArrayList<>();
        boolean company = details.kind() == CustomerKind.COMPANY;
        if (company) {
            requireAbsent(errors, "salutation", details.salutation());
            requireAbsent(errors, "givenName", details.givenName());
            requireAbsent(errors, "familyName", details.familyName());
            requirePresent(errors, "companyName", details.companyName());
        } else {
            requirePresent(errors, "givenName", details.givenName());
            requirePresent(errors, "familyName", details.familyName());
            requireAbsent(errors, "companyName", details.companyName());
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        checks.noPaymentNumbersIn("givenName", details.givenName());
        checks.noPaymentNumbersIn("familyName", details.familyName());
        checks.noPaymentNumbersIn("companyName", details.companyName());
        checks.noPaymentNumbersIn("email", details.email());
    }

    private static void requirePresent(List<Problem.FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new Problem.FieldError(field, "is required for this type of lead"));
        }
    }

    private static void requireAbsent(List<Problem.FieldError> errors, String field, Object value) {
        if (value != null) {
            errors.add(new Problem.FieldError(field, "belongs to the other type of lead; leave it out"));
        }
    }

    private static StoredLead stored(Lead lead, LeadDetails details) {
        return new StoredLead(
                lead.id,
                lead.kind,
                lead.version,
                lead.source,
                lead.stage,
                lead.createdAt,
                lead.updatedAt,
                lead.lastTouchedAt,
                lead.convertedAt,
                details);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
