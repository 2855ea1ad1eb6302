package org.opencdp.subjectrights.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The retention purge contract as retention-service calls it: every participant runs
 * {@code POST /api/v1/retention/purge} (role {@code svc-retention}), is sent every retention policy in force, and
 * answers per category it holds how many records expired and how many it deleted. The run id is the idempotency
 * key: a participant answers a repeated run id with the report it stored the first time.
 */
@Path("/api/v1/retention/purge")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface RetentionPurgeApi {

    @POST
    PurgeReport purge(PurgeOrder order);

    /** What a participant is asked: delete (or with {@code dryRun} only count) what has expired on {@code asOf}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PurgeOrder(UUID runId, boolean dryRun, Instant asOf, List<PurgePolicy> policies) {}

    /**
     * A record of {@code category} expires when its start plus {@code period} (ISO 8601), or with
     * {@code roundToEndOfYear} the end of that calendar year, lies before the run's {@code asOf}.
     */
    record PurgePolicy(String category, int version, String period, String startEvent, boolean roundToEndOfYear) {}

    /** A participant's answer: the categories it holds, and the policy categories it does not hold. */
    record PurgeReport(
            String service,
            UUID runId,
            boolean dryRun,
            Instant asOf,
            List<CategoryPurge> categories,
            List<String> notHeld) {}

    /** {@code expired}: past their period; {@code deleted}: actually deleted (0 in a dry run). */
    record CategoryPurge(String category, int policyVersion, long expired, long deleted) {}
}
