package org.opencdp.behaviour.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opencdp.audit.AuditTrail;
import org.opencdp.behaviour.domain.kpi.CustomerKpis;
import org.opencdp.behaviour.domain.kpi.KpiAccess;
import org.opencdp.behaviour.repository.KpiRepository;
import org.opencdp.problem.ProblemException;
import org.opencdp.subjectrights.SubjectRestrictions;

/**
 * One customer's KPIs, read from the computed table. Reads are recorded in the audit trail, a segment-only read as
 * such, so the trail shows that the reader saw no revenue.
 */
@ApplicationScoped
public class CustomerKpiQueries {

    @Inject
    KpiRepository kpis;

    @Inject
    SubjectRestrictions restrictions;

    @Inject
    AuditTrail audit;

    @Transactional
    public CustomerKpis of(UUID subjectId, KpiAccess reader) {
        restrictions.requireUnrestricted(subjectId);
        CustomerKpis found = kpis.find(subjectId)
                .orElseThrow(() -> ProblemException.notFound(
                        "No KPIs for this customer: no orders, or none since the last recompute."));
        audit.recordRead(
                subjectId,
                reader == KpiAccess.FULL ? "kpi.read" : "kpi.read-segment",
                "GET /api/v1/customers/{id}/kpis");
        return found;
    }
}
