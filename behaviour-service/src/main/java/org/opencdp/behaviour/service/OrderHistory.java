package org.opencdp.behaviour.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opencdp.audit.AuditTrail;
import org.opencdp.behaviour.domain.order.StoredOrder;
import org.opencdp.behaviour.repository.OrderRepository;
import org.opencdp.subjectrights.SubjectRestrictions;

/** A customer's orders, for sales. Reads are recorded in the audit trail. */
@ApplicationScoped
public class OrderHistory {

    @Inject
    OrderRepository orders;

    @Inject
    SubjectRestrictions restrictions;

    @Inject
    AuditTrail audit;

    @Transactional
    public List<StoredOrder> ofCustomer(UUID subjectId, UUID before, int limit) {
        restrictions.requireUnrestricted(subjectId);
        List<StoredOrder> page = orders.ofSubject(subjectId, before, limit);
        audit.recordRead(subjectId, "order.read", "GET /api/v1/customers/{id}/orders");
        return page;
    }
}
