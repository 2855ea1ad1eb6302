package org.opencdp.retention.purge;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.opencdp.caller.Roles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A participant of the retention purge contract in miniature, reached over HTTP with retention-service's service
 * token like every real one: it holds records of two categories (their start times), reads the order as the
 * contract's JSON, deletes (or counts) what expired and answers the contract's report, the stored one for a
 * repeated run id. It can be made to fail like a service that is down. The services' own purge endpoints come with
 * libs/subject-rights (the contract's server side).
 */
@Path("/purge-participant/api/v1/retention/purge")
public class TestPurgeParticipant {

    static final String SERVICE = "test-participant";
    /** The category's records by their start time. */
    static final Map<String, List<Instant>> RECORDS = new ConcurrentHashMap<>();
    /** Every order that arrived, repeated ones included. */
    static final List<JsonNode> ORDERS = new CopyOnWriteArrayList<>();
    /** A status to answer with instead of purging, e.g. 503; 0 purges. */
    static volatile int failWith;

    private static final Map<String, JsonNode> REPORTS = new ConcurrentHashMap<>();
    private static final Set<String> FIELDS = Set.of("runId", "dryRun", "asOf", "policies");
    private static final Set<String> POLICY_FIELDS =
            Set.of("category", "version", "period", "startEvent", "roundToEndOfYear");

    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SVC_RETENTION)
    @Operation(hidden = true)
    public synchronized Response purge(JsonNode order) {
        ORDERS.add(order);
        if (failWith != 0) {
            return Response.status(failWith).build();
        }
        if (!hasExactly(order, FIELDS)) {
            return Response.status(400).build();
        }
        String runId = order.get("runId").asText();
        if (REPORTS.containsKey(runId)) {
            return Response.ok(REPORTS.get(runId)).build();
        }
        boolean dryRun = order.get("dryRun").asBoolean();
        Instant asOf = Instant.parse(order.get("asOf").asText());
        ObjectNode report = json.createObjectNode()
                .put("service", SERVICE)
                .put("runId", runId)
                .put("dryRun", dryRun)
                .put("asOf", asOf.toString());
        ArrayNode categories = report.putArray("categories");
        ArrayNode notHeld = report.putArray("notHeld");
        for (JsonNode policy : order.get("policies")) {
            if (!hasExactly(policy, POLICY_FIELDS)) {
                return Response.status(400).build();
            }
            String category = policy.get("category").asText();
            List<Instant> held = RECORDS.get(category);
            if (held == null) {
                notHeld.add(category);
                continue;
            }
            Period period = Period.parse(policy.get("period").asText());
            boolean round = policy.get("roundToEndOfYear").asBoolean();
            List<Instant> expired = held.stream()
                    .filter(start -> expiresAt(start, period, round).isBefore(asOf))
                    .toList();
            if (!dryRun) {
                held.removeAll(expired);
            }
            categories
                    .addObject()
                    .put("category", category)
                    .put("policyVersion", policy.get("version").asInt())
                    .put("expired", expired.size())
                    .put("deleted", dryRun ? 0 : expired.size());
        }
        REPORTS.put(runId, report);
        return Response.ok(report).build();
    }

    /** start + period, or with rounding 31 Dec 24:00 (UTC) of the year start + period falls in. */
    static Instant expiresAt(Instant start, Period period, boolean roundToEndOfYear) {
        if (!roundToEndOfYear) {
            return start.atZone(ZoneOffset.UTC).plus(period).toInstant();
        }
        LocalDate end = LocalDate.ofInstant(start, ZoneOffset.UTC).plus(period);
        return LocalDate.of(end.getYear() + 1, 1, 1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
    }

    private static boolean hasExactly(JsonNode node, Set<String> fields) {
        var names = new java.util.HashSet<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names.equals(fields);
    }

    static void reset() {
        RECORDS.clear();
        ORDERS.clear();
        REPORTS.clear();
        failWith = 0;
    }

    static UUID runIdOf(JsonNode order) {
        return UUID.fromString(order.get("runId").asText());
    }
}
