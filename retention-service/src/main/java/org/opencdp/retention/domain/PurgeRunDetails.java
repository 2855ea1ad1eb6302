package org.opencdp.retention.domain;

import java.util.List;

import org.opencdp.subjectrights.client.RetentionPurgeApi.PurgePolicy;

/** A purge run with the policies it sent and every participant's part. */
public record PurgeRunDetails(PurgeRun run, List<PurgePolicy> policies, List<PurgeParticipant> participants) {}
