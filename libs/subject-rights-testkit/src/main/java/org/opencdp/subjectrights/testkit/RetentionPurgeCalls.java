package org.opencdp.subjectrights.testkit;

import static io.restassured.RestAssured.given;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Calls a service's retention purge ({@code POST /api/v1/retention/purge}) as retention-service does, for the
 * tests of every service's retention categories, and reads the report.
 */
public final class RetentionPurgeCalls {

    public static final String PATH = "/api/v1/retention/purge";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RetentionPurgeCalls() {}

    /** One policy as retention-service sends it. */
    public static Map<String, Object> policy(String category, String period, boolean roundToEndOfYear) {
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("category", category);
        policy.put("version", 1);
        policy.put("period", period);
        policy.put("startEvent", "test");
        policy.put("roundToEndOfYear", roundToEndOfYear);
        return policy;
    }

    /** The request body of a run. */
    public static Map<String, Object> run(
            UUID runId, boolean dryRun, Instant asOf, List<Map<String, Object>> policies) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("runId", runId.toString());
        body.put("dryRun", dryRun);
        body.put("asOf", asOf.toString());
        body.put("policies", new ArrayList<>(policies));
        return body;
    }

    /** Runs a purge with a new run id and returns its report (the call must answer 200). */
    public static JsonPath purge(boolean dryRun, Instant asOf, List<Map<String, Object>> policies) {
        return purge(run(UUID.randomUUID(), dryRun, asOf, policies));
    }

    public static JsonPath purge(Map<String, Object> run) {
        return given().auth()
                .oauth2(TestTokens.serviceAccount("retention-service"))
                .contentType(ContentType.JSON)
                .body(run)
                .when()
                .post(PATH)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The report's counts for one category: {@code {expired, deleted}}. */
    public static long[] counts(JsonPath report, String category) {
        Map<String, Object> found = report.getMap("categories.find { it.category == '" + category + "' }");
        if (found == null) {
            throw new AssertionError(category + " is not in the report: " + report.prettify());
        }
        return new long[] {((Number) found.get("expired")).longValue(), ((Number) found.get("deleted")).longValue()};
    }

    /**
     * An audit entry recorded long ago, written as the database owner (the application's role may only append now):
     * for the {@code audit-trail} category. Its hash is random: the purge deletes by time and does not verify.
     */
    public static void auditEntryAt(UUID subjectId, Instant occurredAt) {
        byte[] hash = new byte[32];
        RANDOM.nextBytes(hash);
        TestDatabase.execute(
                "INSERT INTO audit_entry (subject_id, occurred_at, actor, actor_kind, action, purpose, previous_hash,"
                        + " entry_hash, hash_version, key_id) VALUES (?, ?, 'retention-test', 'SERVICE',"
                        + " 'customer.read', 'long ago', NULL, ?, 2, 'a1')",
                subjectId,
                Timestamp.from(occurredAt),
                hash);
    }

    /** How many audit entries of the subject remain. */
    public static long auditEntriesOf(UUID subjectId) {
        return TestDatabase.count("SELECT count(*) FROM audit_entry WHERE subject_id = ?", subjectId);
    }
}
