package org.opencdp.consent.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.audit.AuditTrail;
import org.opencdp.caller.Caller;
import org.opencdp.consent.domain.RecordedBy;

/**
 * Writes ledger changes to the audit trail as whoever recorded them. A website (the public side) has no token, so
 * the actor comes from {@link RecordedBy}, never from the request; a site counts as a service caller.
 */
@ApplicationScoped
class ConsentAudit {

    static final String PURPOSE = "GDPR Art. 7(1) proof of consent";

    @Inject
    AuditTrail audit;

    void record(RecordedBy by, UUID holderId, String action) {
        Caller.Kind kind = by.kind() == RecordedBy.Kind.USER ? Caller.Kind.USER : Caller.Kind.SERVICE;
        audit.recordAs(by.name(), kind, holderId, action, PURPOSE);
    }
}
