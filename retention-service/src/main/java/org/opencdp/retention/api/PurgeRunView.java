package org.opencdp.retention.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.retention.domain.PurgeOutcome;
import org.opencdp.retention.domain.PurgeParticipant;
import org.opencdp.retention.domain.PurgeRun;
import org.opencdp.retention.domain.PurgeRunDetails;
import org.opencdp.subjectrights.RetentionPolicy;
import org.opencdp.subjectrights.RetentionPurgeReport;

import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(name = "PurgeRun", description = "A purge run; the list leaves out the policies and the services' reports")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PurgeRunView(
        UUID id,
        boolean dryRun,

        @Schema(description = "The cutoff the services were given")
        Instant asOf,

        @Schema(examples = "dpo") String startedBy,
        Instant startedAt,
        @Schema(description = "The day of a scheduled run") LocalDate scheduledFor,

        @Schema(description = "PARTIAL: a service did not answer (it is asked again); absent while running")
        PurgeOutcome outcome,

        Instant finishedAt,
        @Schema(description = "The policies sent") List<RetentionPolicy> policies,
        List<ServiceView> services) {

    @Schema(name = "PurgeRunService", description = "One service's part of a run")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceView(
            @Schema(examples = "tracking") String participant,
            PurgeParticipant.PurgeStatus status,
            int attempts,

            @Schema(
                    description = "Why it did not answer: an HTTP status or an exception class",
                    examples = "answered HTTP 503")
            String lastError,

            @Schema(description = "Per category: expired, deleted and the policy version; what it does not hold")
            RetentionPurgeReport report,

            Instant answeredAt) {}

    static PurgeRunView of(PurgeRun run) {
        return of(run, null, null);
    }

    static PurgeRunView of(PurgeRunDetails details) {
        return of(
                details.run(),
                details.policies(),
                details.participants().stream()
                        .map(p -> new ServiceView(
                                p.participant(), p.status(), p.attempts(), p.lastError(), p.report(), p.answeredAt()))
                        .toList());
    }

    private static PurgeRunView of(PurgeRun r, List<RetentionPolicy> policies, List<ServiceView> services) {
        return new PurgeRunView(
                r.id(),
                r.dryRun(),
                r.asOf(),
                r.startedBy(),
                r.startedAt(),
                r.scheduledFor(),
                r.outcome(),
                r.finishedAt(),
                policies,
                services);
    }
}
