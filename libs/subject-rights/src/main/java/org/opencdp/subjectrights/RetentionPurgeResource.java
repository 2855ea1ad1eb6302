package org.opencdp.subjectrights;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.opencdp.caller.Roles;

/** The purge contract's server side, the same in every service. Only retention-service may run it. */
public class RetentionPurgeResource implements RetentionPurgeApi {

    @Inject
    RetentionPurge purge;

    @Override
    @RolesAllowed(Roles.SVC_RETENTION)
    public RetentionPurgeReport purge(RetentionPurgeRequest request) {
        return purge.purge(request.runId(), request.dryRun(), request.asOf(), request.policies());
    }
}
