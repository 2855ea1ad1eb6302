package org.opencdp.subjectrights;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencdp.audit.AuditTrail;
import org.opencdp.personaldata.SubjectKeyVault;
import org.opencdp.problem.ProblemException;
import org.opencdp.subjectrights.SubjectRestrictions.Basis;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Carries out the contract for this service: the service's {@link SubjectDataHandler} deals with its data;
 * this class adds what is the same everywhere — the subject's data key, restrictions, the audit trail and the
 * receipt.
 */
@ApplicationScoped
public class SubjectRightsService {

    static final String SUBJECT_KEY_CATEGORY = "subject-key";

    @Inject
    SubjectDataHandler handler;

    @Inject
    SubjectRestrictions restrictions;

    @Inject
    SubjectKeyVault keys;

    @Inject
    SubjectRightsReceipts receipts;

    @Inject
    AuditTrail audit;

    @Inject
    RetentionPurge purge;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @Inject
    Instance<SubjectRectifier> rectifier;

    public ContractCapabilities capabilities() {
        EnumSet<SubjectRight> rights = EnumSet.copyOf(SubjectRight.EVERY_SERVICE);
        rights.addAll(handler.furtherRights());
        if (rectifier.isResolvable()) {
            rights.add(SubjectRight.RECTIFICATION);
        }
        return new ContractCapabilities(
                service,
                ContractCapabilities.VERSION,
                handler.categories(),
                List.copyOf(rights),
                purge.heldCategories());
    }

    /**
     * Corrects the subject's data (Art. 16) through the service's {@link SubjectRectifier}; the change and its
     * receipt commit together, so a repeated call with the same request id answers the first receipt and changes
     * nothing more.
     */
    @Transactional
    public SubjectRightsReport rectify(UUID subjectId, UUID requestId, JsonNode patch) {
        if (!rectifier.isResolvable()) {
            throw ProblemException.unprocessable(service + " holds no data a rectification corrects.");
        }
        var given = receipts.given(requestId, SubjectRightsAction.RECTIFICATION, subjectId);
        if (given.isPresent()) {
            return given.get();
        }
        List<CategoryOutcome> outcomes = rectifier.get().rectify(subjectId, requestId, patch);
        audit.record(subjectId, "subject.rectify", "GDPR Art. 16 rectification request " + requestId);
        return receipts.keep(report(subjectId, requestId, SubjectRightsAction.RECTIFICATION, outcomes));
    }

    @Transactional
    public SubjectDataExport export(UUID subjectId) {
        List<CategoryExport> categories = handler.export(subjectId);
        audit.record(subjectId, "subject.export", "GDPR Art. 15/20 access request");
        return new SubjectDataExport(
                service, subjectId, Instant.now(clock), restrictions.isRestricted(subjectId), categories);
    }

    /**
     * Erases the subject's data, then its key. The key database takes no part in the data's transaction, so the key
     * is destroyed only once the data's erasure committed (a key destroyed for an erasure that then rolled back would
     * lose data nobody asked to erase). Should destroying it fail, the request fails (500) with the data already
     * gone: the caller repeats the request, which finds no data and destroys the key (both steps are idempotent).
     * Once a request's erasure is done, repeating it returns the first receipt.
     */
    public SubjectRightsReport erase(UUID subjectId, UUID requestId) {
        return erase(subjectId, requestId, "GDPR Art. 17 erasure request " + requestId);
    }

    /**
     * Erases a subject whose data a retention policy let expire (e.g. an inactive customer profile): the same path
     * as an erasure request, so the key is destroyed, legal holds are kept and the other services learn of it as the
     * service's erasure tells them; the receipt is kept under a request id derived from the category and the
     * subject, so a repeated purge finds it.
     */
    public SubjectRightsReport eraseExpired(UUID subjectId, String retentionCategory) {
        UUID requestId = UUID.nameUUIDFromBytes(
                ("retention:" + retentionCategory + ":" + subjectId).getBytes(StandardCharsets.UTF_8));
        return erase(subjectId, requestId, "retention policy " + retentionCategory + ": period ended");
    }

    private SubjectRightsReport erase(UUID subjectId, UUID requestId, String purpose) {
        var given = receipts.given(requestId, SubjectRightsAction.ERASURE, subjectId);
        if (given.isPresent()) {
            return given.get();
        }
        List<CategoryOutcome> outcomes =
                QuarkusTransaction.requiringNew().call(() -> eraseDataOf(subjectId, requestId, purpose));
        boolean legalHold = outcomes.stream().anyMatch(o -> o.keptUnderLegalHold() > 0);
        if (legalHold) {
            // The kept records must stay readable for the legal duty, so the key stays until they expire.
            outcomes.add(new CategoryOutcome(
                    SUBJECT_KEY_CATEGORY, 0, 1, 1, holdUntil(outcomes), "kept to read the records under legal hold"));
        } else {
            outcomes.add(CategoryOutcome.erased(SUBJECT_KEY_CATEGORY, keys.destroy(subjectId) ? 1 : 0));
        }
        return receipts.keep(report(subjectId, requestId, SubjectRightsAction.ERASURE, outcomes));
    }

    private List<CategoryOutcome> eraseDataOf(UUID subjectId, UUID requestId, String purpose) {
        List<CategoryOutcome> outcomes = new ArrayList<>(handler.erase(subjectId));
        boolean legalHold = outcomes.stream().anyMatch(o -> o.keptUnderLegalHold() > 0);
        restrictions.lift(subjectId, Basis.ART18_REQUEST);
        if (legalHold) {
            restrictions.restrict(subjectId, Basis.LEGAL_HOLD, requestId, holdUntil(outcomes));
        } else {
            restrictions.lift(subjectId, Basis.LEGAL_HOLD);
        }
        audit.record(subjectId, "subject.erase", purpose);
        return outcomes;
    }

    /** The latest date until which a law requires a kept record. */
    private static LocalDate holdUntil(List<CategoryOutcome> outcomes) {
        return outcomes.stream()
                .filter(o -> o.keptUnderLegalHold() > 0)
                .map(CategoryOutcome::keptUntil)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null);
    }

    @Transactional
    public SubjectRightsReport restrict(UUID subjectId, UUID requestId) {
        var given = receipts.given(requestId, SubjectRightsAction.RESTRICTION, subjectId);
        if (given.isPresent()) {
            return given.get();
        }
        restrictions.restrict(subjectId, Basis.ART18_REQUEST, requestId, null);
        handler.restricted(subjectId);
        List<CategoryOutcome> outcomes = handler.export(subjectId).stream()
                .map(category -> CategoryOutcome.restricted(category.category(), category.records()))
                .toList();
        audit.record(subjectId, "subject.restrict", "GDPR Art. 18 restriction request " + requestId);
        return receipts.keep(report(subjectId, requestId, SubjectRightsAction.RESTRICTION, outcomes));
    }

    @Transactional
    public SubjectRightsReport liftRestriction(UUID subjectId, UUID requestId) {
        var given = receipts.given(requestId, SubjectRightsAction.RESTRICTION_LIFTED, subjectId);
        if (given.isPresent()) {
            return given.get();
        }
        restrictions.lift(subjectId, Basis.ART18_REQUEST);
        handler.restrictionLifted(subjectId);
        audit.record(subjectId, "subject.restriction-lift", "GDPR Art. 18 restriction lifted by request " + requestId);
        return receipts.keep(report(subjectId, requestId, SubjectRightsAction.RESTRICTION_LIFTED, List.of()));
    }

    private SubjectRightsReport report(
            UUID subjectId, UUID requestId, SubjectRightsAction action, List<CategoryOutcome> outcomes) {
        return new SubjectRightsReport(
                service,
                subjectId,
                requestId,
                action,
                Instant.now(clock),
                restrictions.isRestricted(subjectId),
                List.copyOf(outcomes));
    }
}
