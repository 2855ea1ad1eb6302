package org.opencdp.retention.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One participating service's part of a request. {@code result} is the service's answer as JSON text (a receipt, or
 * an export); {@code lastError} is an HTTP status or an exception class, never a response body.
 */
public record RequestTask(
        UUID requestId,
        String participant,
        TaskStatus status,
        int attempts,
        String lastError,
        Instant nextAttemptAt,
        String result,
        Instant doneAt) {}
