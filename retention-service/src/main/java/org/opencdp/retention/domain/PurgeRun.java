package org.opencdp.retention.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One purge run: the cutoff time the participants were given, whether it only counted, who started it (a dpo, or
 * the schedule), and how it ended ({@code null} while its first attempt is still running).
 */
public record PurgeRun(
        UUID id,
        boolean dryRun,
        Instant asOf,
        String startedBy,
        Instant startedAt,
        LocalDate scheduledFor,
        PurgeOutcome outcome,
        Instant finishedAt) {}
