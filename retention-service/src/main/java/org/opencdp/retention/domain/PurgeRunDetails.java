package org.opencdp.retention.domain;

import java.util.List;

import org.opencdp.subjectrights.RetentionPolicy;

/** A purge run with the policies it sent and every participant's part. */
public record PurgeRunDetails(PurgeRun run, List<RetentionPolicy> policies, List<PurgeParticipant> participants) {}
