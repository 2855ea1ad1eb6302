package org.opencdp.subjectrights;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.opencdp.caller.Roles;
import org.opencdp.ratelimits.BulkRead;
import org.opencdp.requestparameters.RequestParameters;

/** The contract's server side, the same in every service. Only retention-service may exercise it. */
public class SubjectRightsResource implements SubjectRightsApi {

    @Inject
    SubjectRightsService rights;

    @Override
    @RolesAllowed({Roles.SVC_RETENTION, Roles.DPO})
    public ContractCapabilities capabilities() {
        return rights.capabilities();
    }

    @Override
    @RolesAllowed(Roles.SVC_RETENTION)
    @BulkRead("subject-export")
    public SubjectDataExport export(String subjectId) {
        return rights.export(RequestParameters.uuid("subjectId", subjectId));
    }

    @Override
    @RolesAllowed(Roles.SVC_RETENTION)
    public SubjectRightsReport erase(String subjectId, SubjectRightsRequest request) {
        var id = RequestParameters.uuid("subjectId", subjectId);
        return rights.erase(id, requireBody(request).requestId());
    }

    @Override
    @RolesAllowed(Roles.SVC_RETENTION)
    public SubjectRightsReport restrict(String subjectId, SubjectRightsRequest request) {
        var id = RequestParameters.uuid("subjectId", subjectId);
        return rights.restrict(id, requireBody(request).requestId());
    }

    @Override
    @RolesAllowed(Roles.SVC_RETENTION)
    public SubjectRightsReport liftRestriction(String subjectId, String requestId) {
        var id = RequestParameters.uuid("subjectId", subjectId);
        return rights.liftRestriction(id, RequestParameters.uuid("requestId", requestId));
    }

    @Override
    @RolesAllowed(Roles.SVC_RETENTION)
    public SubjectRightsReport rectify(String subjectId, SubjectRectification rectification) {
        var id = RequestParameters.uuid("subjectId", subjectId);
        if (rectification == null) {
            throw org.opencdp.problem.ProblemException.invalidField("requestId", "is required");
        }
        return rights.rectify(id, rectification.requestId(), rectification.patch());
    }

    private static SubjectRightsRequest requireBody(SubjectRightsRequest request) {
        if (request == null) {
            throw org.opencdp.problem.ProblemException.invalidField("requestId", "is required");
        }
        return request;
    }
}
