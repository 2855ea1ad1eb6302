package org.opencdp.tracking.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.opencdp.caller.Roles;
import org.opencdp.subjectrights.ActiveSubjects;
import org.opencdp.subjectrights.SubjectActivityApi;
import org.opencdp.subjectrights.SubjectActivityQuery;
import org.opencdp.tracking.service.SubjectActivity;

/** Events of identified subjects as signs of activity (libs/subject-rights): only profile-service's purge asks. */
public class SubjectsActiveResource implements SubjectActivityApi {

    @Inject
    SubjectActivity activity;

    @Override
    @RolesAllowed(Roles.SVC_PROFILE)
    public ActiveSubjects activeSince(SubjectActivityQuery query) {
        return new ActiveSubjects(activity.activeSince(query.subjectIds(), query.since()));
    }
}
