package org.opencdp.retention.domain;

import java.util.UUID;

/**
 * A task the worker holds a lease on, with what it needs to call the service; {@code rectification} is the JSON
 * merge patch of a RECTIFICATION request as JSON text.
 */
public record ClaimedTask(
        UUID requestId,
        String participant,
        int attempts,
        RequestType type,
        UUID subjectId,
        Channel channel,
        String rectification) {}
