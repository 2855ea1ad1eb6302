package org.opencdp.retention.domain;

import java.util.UUID;

/** A task the worker holds a lease on, with what it needs to call the service. */
public record ClaimedTask(
        UUID requestId, String participant, int attempts, RequestType type, UUID subjectId, Channel channel) {}
