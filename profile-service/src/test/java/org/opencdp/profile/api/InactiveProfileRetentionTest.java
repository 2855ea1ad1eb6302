package org.opencdp.profile.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencdp.profile.api.ProfileRetentionPurgeTest.customers;
import static org.opencdp.profile.api.ProfileRetentionPurgeTest.lastChangedAt;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.policy;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.purge;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The retention category {@code inactive-customer-profile} against a real database and real HTTP servers standing in
 * for behaviour- and tracking-service ({@link ActivityServices}; the real endpoints are tested in their services). A
 * customer unchanged for the period (3 years to the end of the year) is erased only when no activity since the cutoff
 * shows anywhere: not on its timeline, not in orders or carts, not in identified visits. Profiles "long ago" are placed
 * in 2015-2019 so the customers of other tests (changed now) never expire in these runs.
 */
@QuarkusTest
@WithPostgres
@TestProfile(ActivityServices.Profile.class)
class InactiveProfileRetentionTest {

    static final List<Map<String, Object>> THREE_YEARS = List.of(policy("inactive-customer-profile", "P3Y", true));
    /** With P3Y to the end of the year: activity since 2019-01-01T00:00Z keeps a customer in June 2022. */
    static final Instant AS_OF = Instant.parse("2022-06-01T00:00:00Z");

    private static final String LONG_AGO = "2018-12-31T23:00:00Z";
    private static final String SINCE_CUTOFF = "2019-01-01T00:00:00Z";

    private final ActivityServices.Control behaviour = new ActivityServices.Control("behaviour");
    private final ActivityServices.Control tracking = new ActivityServices.Control("tracking");

    @BeforeEach
    @AfterEach
    void answering() {
        TestDatabase.execute("DELETE FROM customer WHERE updated_at < '2020-01-01'");
        behaviour.failWith(0);
        tracking.failWith(0);
    }

    @Test
    void onlyACustomerWithoutActivityAnywhereSinceTheCutoffIsErased() {
        UUID inactive = lastChangedAt(LONG_AGO);
        UUID changed = lastChangedAt(SINCE_CUTOFF);
        UUID ordered = lastChangedAt(LONG_AGO);
        behaviour.activeAt(ordered, SINCE_CUTOFF);
        UUID visited = lastChangedAt(LONG_AGO);
        tracking.activeAt(visited, "2021-03-01T10:00:00Z");
        UUID orderedLongAgo = lastChangedAt(LONG_AGO);
        behaviour.activeAt(orderedLongAgo, "2018-12-31T23:59:59Z");
        UUID wroteIn = lastChangedAt(LONG_AGO);
        entry(wroteIn, "EMAIL", "INBOUND", "2021-05-01T10:00:00Z");
        UUID calledBy = lastChangedAt(LONG_AGO);
        entry(calledBy, "CALL", "OUTBOUND", "2019-01-01T00:00:00Z");
        UUID onlyWrittenTo = lastChangedAt(LONG_AGO);
        entry(onlyWrittenTo, "LETTER", "OUTBOUND", "2021-05-01T10:00:00Z");
        entry(onlyWrittenTo, "NOTE", "INTERNAL", "2021-05-01T10:00:00Z");
        entry(onlyWrittenTo, "EMAIL", "INBOUND", "2018-06-01T10:00:00Z");

        assertThat(counts(purge(true, AS_OF, THREE_YEARS))).containsExactly(3, 0, 0);
        assertThat(customers(inactive) + customers(orderedLongAgo) + customers(onlyWrittenTo))
                .isEqualTo(3);

        assertThat(counts(purge(false, AS_OF, THREE_YEARS))).containsExactly(3, 3, 0);
        assertThat(customers(inactive) + customers(orderedLongAgo) + customers(onlyWrittenTo))
                .isZero();
        for (UUID kept : List.of(changed, ordered, visited, wroteIn, calledBy)) {
            assertThat(customers(kept)).as("customer %s", kept).isOne();
        }
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM outbox_event WHERE subject_id = ? AND type = 'customer.deleted'",
                        inactive))
                .isOne();
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action = 'subject.erase'"
                                + " AND purpose = 'retention policy inactive-customer-profile: period ended'",
                        inactive))
                .isOne();
    }

    @Test
    void bothServicesAreAskedWithProfileServicesOwnTokenForTheCutoff() {
        lastChangedAt(LONG_AGO);
        int before = behaviour.calls().size() + tracking.calls().size();

        purge(true, AS_OF, THREE_YEARS);

        for (var service : Map.of("behaviour-service", behaviour, "tracking-service", tracking)
                .entrySet()) {
            String call = service.getValue().calls().getLast();
            String token = call.substring("Bearer ".length(), call.indexOf(' ', "Bearer ".length()));
            JsonPath claims = new JsonPath(
                    new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
            assertThat(claims.getString("azp")).isEqualTo("profile-service");
            assertThat(claims.getString("aud")).contains(service.getKey());
            assertThat(claims.getList("realm_access.roles")).containsExactly("svc-profile");
            assertThat(call).contains("\"since\":\"" + SINCE_CUTOFF + "\"");
        }
        assertThat(behaviour.calls().size() + tracking.calls().size()).isEqualTo(before + 2);
    }

    /**
     * A service that does not answer (an error here, down or slow alike for the client) leaves its page unjudged: the
     * report counts the page's customers as skipped and nothing is erased, in a dry run as in a real one. A refusal
     * (403: profile-service's account lacks the role) is no answer either.
     */
    @Test
    void aPageAServiceDidNotAnswerForErasesNothingAndTheReportSaysSo() {
        UUID first = lastChangedAt(LONG_AGO);
        UUID second = lastChangedAt(LONG_AGO);

        tracking.failWith(503);
        assertThat(counts(purge(false, AS_OF, THREE_YEARS))).containsExactly(0, 0, 2);
        assertThat(customers(first) + customers(second)).isEqualTo(2);
        tracking.failWith(0);

        behaviour.failWith(403);
        assertThat(counts(purge(true, AS_OF, THREE_YEARS))).containsExactly(0, 0, 2);
        assertThat(counts(purge(false, AS_OF, THREE_YEARS))).containsExactly(0, 0, 2);
        assertThat(customers(first) + customers(second)).isEqualTo(2);
        behaviour.failWith(0);

        assertThat(counts(purge(false, AS_OF, THREE_YEARS))).containsExactly(2, 2, 0);
        assertThat(customers(first) + customers(second)).isZero();
    }

    /** The report's counts for the category: {@code {expired, deleted, skipped}}. */
    static long[] counts(JsonPath report) {
        Map<String, Object> found = report.getMap("categories.find { it.category == 'inactive-customer-profile' }");
        assertThat(found).as(report.prettify()).isNotNull();
        return new long[] {
            ((Number) found.get("expired")).longValue(),
            ((Number) found.get("deleted")).longValue(),
            ((Number) found.get("skipped")).longValue()
        };
    }

    /** A timeline entry of the customer as stored; the purge reads only its channel, direction and time. */
    private static void entry(UUID customer, String channel, String direction, String occurredAt) {
        TestDatabase.execute(
                "INSERT INTO timeline_entry (id, subject_id, channel, direction, occurred_at, agent, source,"
                        + " business_letter, recorded_at) VALUES (?, ?, ?, ?, ?, '\\x00'::bytea, 'test', false, ?)",
                UUID.randomUUID(),
                customer,
                channel,
                direction,
                Timestamp.from(Instant.parse(occurredAt)),
                Timestamp.from(Instant.parse(occurredAt)));
    }
}
