package org.opencdp.profile.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.opencdp.profile.api.CustomerFixtures.as;
import static org.opencdp.profile.api.SalesFixtures.FOLLOW_UPS;
import static org.opencdp.profile.api.SalesFixtures.LEADS;
import static org.opencdp.profile.api.SalesFixtures.convert;
import static org.opencdp.profile.api.SalesFixtures.createdFollowUp;
import static org.opencdp.profile.api.SalesFixtures.createdLead;
import static org.opencdp.profile.api.SalesFixtures.personLead;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.counts;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.policy;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.purge;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * What depends on the passing of time, with a clock the test moves: a lead untouched for longer than the retention
 * policy expired-leads (here P12M, as shipped) is erased by the retention purge with its key and follow-ups while a
 * fresh one stays, and "my due follow-ups" shows the right ones for overdue, today and the week.
 */
@QuarkusTest
@WithPostgres
@TestProfile(SalesClockTest.MovedClock.class)
class SalesClockTest {

    static final Instant START = Instant.parse("2040-01-10T09:00:00Z");

    public static class MovedClock implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(MovableClockProducer.class);
        }
    }

    /** A clock standing still at an instant the test sets. */
    public static class MovableClock extends Clock {
        private volatile Instant now = START;

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Alternative
    public static class MovableClockProducer {
        static final MovableClock CLOCK = new MovableClock();

        @Produces
        @Singleton
        Clock clock() {
            return CLOCK;
        }
    }

    private static final List<Map<String, Object>> TWELVE_MONTHS = List.of(policy("expired-leads", "P12M", false));

    @BeforeEach
    void backToTheStart() {
        MovableClockProducer.CLOCK.set(START);
    }

    private static void moveTo(Instant instant) {
        MovableClockProducer.CLOCK.set(instant);
    }

    private static LocalDate day(Instant instant, int plusDays) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).plusDays(plusDays);
    }

    /** The test: an expired lead is gone with its key; its follow-ups too; a fresh one stays. */
    @Test
    void aLeadUntouchedForTheRetentionPeriodIsErasedWithItsKeyAndFollowUps() {
        UUID old = createdLead(personLead());
        UUID oldFollowUp = createdFollowUp("sales", old, day(START, 30), "Call at the trade fair");
        UUID won = createdLead(personLead());
        convert(won).then().statusCode(201);

        // Touched a month later through a follow-up: counts from then.
        moveTo(START.plus(31, ChronoUnit.DAYS));
        UUID touched = createdLead(personLead());
        Instant touchedAt = START.plus(100, ChronoUnit.DAYS);
        moveTo(touchedAt);
        createdFollowUp("sales", touched, day(touchedAt, 1), "Follow up");

        Instant later = START.atZone(ZoneOffset.UTC).plusMonths(12).plusDays(2).toInstant();
        moveTo(later);
        UUID fresh = createdLead(personLead());

        long[] dryRun = counts(purge(true, later, TWELVE_MONTHS), "expired-leads");
        assertThat(dryRun[0]).isPositive();
        assertThat(dryRun[1]).isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM lead WHERE id = ?", old))
                .isOne();

        long[] run = counts(purge(false, later, TWELVE_MONTHS), "expired-leads");

        assertThat(run[1]).isEqualTo(dryRun[0]);
        assertThat(TestDatabase.count("SELECT count(*) FROM lead WHERE id = ?", old))
                .isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM follow_up WHERE id = ?", oldFollowUp))
                .isZero();
        assertThat(TestDatabase.KEYS.query("SELECT wrapped_key, erased_at FROM subject_key WHERE subject_id = ?", old))
                .singleElement()
                .satisfies(key -> {
                    assertThat(key.get("wrapped_key")).isNull();
                    assertThat(key.get("erased_at")).isNotNull();
                });
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action = 'lead.expire'"
                                + " AND actor = 'system:lead-expiry'",
                        old))
                .isOne();
        as("sales").when().get(LEADS + "/" + old).then().statusCode(404);

        for (UUID kept : List.of(fresh, touched, won)) {
            assertThat(TestDatabase.count("SELECT count(*) FROM lead WHERE id = ?", kept))
                    .isOne();
            assertThat(TestDatabase.KEYS.number(
                            "SELECT count(*) FROM subject_key WHERE subject_id = ? AND erased_at IS NULL", kept))
                    .isOne();
        }
        as("sales").when().get(LEADS + "/" + fresh).then().statusCode(200);
        assertThat(counts(purge(false, later, TWELVE_MONTHS), "expired-leads")).containsExactly(0, 0);
    }

    @Test
    void aRestrictedLeadDoesNotExpire() {
        UUID restricted = createdLead(personLead());
        given().auth()
                .oauth2(TestTokens.serviceAccount("retention-service"))
                .contentType(ContentType.JSON)
                .body(Map.of("requestId", UUID.randomUUID().toString()))
                .when()
                .post("/api/v1/subject-rights/" + restricted + "/restriction")
                .then()
                .statusCode(200);
        Instant later = START.atZone(ZoneOffset.UTC).plusMonths(13).toInstant();
        moveTo(later);

        purge(false, later, TWELVE_MONTHS);

        assertThat(TestDatabase.count("SELECT count(*) FROM lead WHERE id = ?", restricted))
                .isOne();
    }

    @Test
    void myDueFollowUpsAreOverdueDueTodayOrDueThisWeek() {
        String agent = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        UUID lead = createdLead(personLead());
        String tomorrow = createAs(agent, lead, day(START, 1));
        String inThreeDays = createAs(agent, lead, day(START, 3));
        String inNineDays = createAs(agent, lead, day(START, 9));
        String inTenDays = createAs(agent, lead, day(START, 10));

        moveTo(START.plus(3, ChronoUnit.DAYS));

        assertThat(mine(agent, "overdue")).containsExactly(tomorrow);
        assertThat(mine(agent, "today")).containsExactly(inThreeDays);
        assertThat(mine(agent, "week")).containsExactly(inThreeDays, inNineDays);
        assertThat(mine(agent, null)).containsExactly(tomorrow, inThreeDays, inNineDays, inTenDays);
    }

    private static String createAs(String agent, UUID subject, LocalDate due) {
        return given().auth()
                .oauth2(TestTokens.user(agent, "sales"))
                .contentType(ContentType.JSON)
                .body(Map.of("subjectId", subject.toString(), "dueDate", due.toString()))
                .when()
                .post(FOLLOW_UPS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static List<String> mine(String agent, String due) {
        var request = given().auth().oauth2(TestTokens.user(agent, "sales"));
        if (due != null) {
            request.queryParam("due", due);
        }
        return request.when()
                .get(FOLLOW_UPS + "/mine")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id", String.class);
    }
}
