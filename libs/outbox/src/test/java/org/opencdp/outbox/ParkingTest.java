package org.opencdp.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * An event the receiver keeps refusing is parked after {@code park-after-rejections} (3 in these tests) and no
 * longer blocks other subjects; the later events of its own subject wait behind it until an operator replays it.
 */
@QuarkusTest
@WithPostgres
@WithTestResource(SelfSubscriptionTestResource.class)
class ParkingTest {

    private static final Duration DELIVERY = Duration.ofSeconds(20);
    private static final String PARKED = "/api/v1/outbox/parked";

    @Inject
    Outbox outbox;

    @Inject
    MeterRegistry metrics;

    record Changed(UUID subjectId, String ageBand) {}

    @AfterEach
    void receiverTakesEverythingAgain() {
        TestSubscriber.REFUSED_SUBJECTS.clear();
        TestSubscriber.failWith = 0;
    }

    @Test
    void aRefusedEventIsParkedAfterThreeRejectionsWhileLaterEventsOfOtherSubjectsAreDelivered() {
        UUID stuck = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID another = UUID.randomUUID();
        TestSubscriber.REFUSED_SUBJECTS.add(stuck);

        UUID refused = publish(stuck);
        UUID otherEvent = publish(other);
        UUID anotherEvent = publish(another);

        await().atMost(DELIVERY)
                .untilAsserted(
                        () -> assertThat(delivery(refused).get("parked_at")).isNotNull());
        assertThat(delivery(refused))
                .containsEntry("rejections", 3)
                .containsEntry("attempts", 3)
                .containsEntry("last_error", "HTTP 422");
        await().atMost(DELIVERY)
                .untilAsserted(() ->
                        assertThat(delivery(otherEvent).get("delivered_at")).isNotNull());
        await().atMost(DELIVERY)
                .untilAsserted(() ->
                        assertThat(delivery(anotherEvent).get("delivered_at")).isNotNull());
        assertThat(TestSubscriber.receivedAbout(stuck)).isEmpty();
    }

    @Test
    void aLaterEventOfTheSameSubjectWaitsBehindTheParkedOneAndFollowsItAfterTheReplay() {
        UUID subject = UUID.randomUUID();
        TestSubscriber.REFUSED_SUBJECTS.add(subject);
        UUID first = publish(subject);
        UUID second = publish(subject);
        await().atMost(DELIVERY)
                .untilAsserted(
                        () -> assertThat(delivery(first).get("parked_at")).isNotNull());
        // Later events of other subjects still flow: the relay is not stuck, the subject's second event waits.
        UUID bystander = publish(UUID.randomUUID());
        await().atMost(DELIVERY)
                .untilAsserted(() ->
                        assertThat(delivery(bystander).get("delivered_at")).isNotNull());
        assertThat(delivery(second)).containsEntry("attempts", 0).containsEntry("delivered_at", null);

        TestSubscriber.REFUSED_SUBJECTS.remove(subject);
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .when()
                .post(PARKED + "/" + first + "/replay")
                .then()
                .statusCode(204);

        await().atMost(DELIVERY)
                .until(() -> TestSubscriber.receivedAbout(subject).size() >= 2);
        assertThat(TestSubscriber.receivedAbout(subject))
                .extracting(EventEnvelope::id)
                .containsExactly(first, second);
        assertThat(delivery(first)).containsEntry("parked_at", null).containsEntry("rejections", 0);
    }

    @Test
    void theParkedGaugeCountsTheSubscribersParkedEvents() {
        UUID subject = UUID.randomUUID();
        double before = parkedGauge();
        TestSubscriber.REFUSED_SUBJECTS.add(subject);

        UUID event = publish(subject);
        await().atMost(DELIVERY)
                .untilAsserted(
                        () -> assertThat(delivery(event).get("parked_at")).isNotNull());

        assertThat(parkedGauge()).isEqualTo(before + 1);
        assertThat(parkedGauge())
                .isEqualTo(TestDatabase.count(
                        "SELECT count(*) FROM outbox_delivery WHERE subscriber = 'self' AND parked_at IS NOT NULL"));

        TestSubscriber.REFUSED_SUBJECTS.remove(subject);
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .when()
                .post(PARKED + "/" + event + "/replay")
                .then()
                .statusCode(204);
        assertThat(parkedGauge()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 401})
    void answersAboutLoadOrAuthenticationAreRetriedAndNeverPark(int status) {
        TestSubscriber.failWith = status;
        UUID event = publish(UUID.randomUUID());

        await().atMost(DELIVERY)
                .untilAsserted(() ->
                        assertThat((Integer) delivery(event).get("attempts")).isGreaterThan(3));
        assertThat(delivery(event))
                .containsEntry("parked_at", null)
                .containsEntry("rejections", 0)
                .containsEntry("last_error", "HTTP " + status);

        TestSubscriber.failWith = 0;
        await().atMost(DELIVERY)
                .untilAsserted(
                        () -> assertThat(delivery(event).get("delivered_at")).isNotNull());
    }

    @Test
    void theAdminListsParkedEventsWithoutTheirPayloads() {
        UUID subject = UUID.randomUUID();
        TestSubscriber.REFUSED_SUBJECTS.add(subject);
        UUID event = publish(subject);
        await().atMost(DELIVERY)
                .untilAsserted(
                        () -> assertThat(delivery(event).get("parked_at")).isNotNull());

        JsonPath listing = given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .queryParam("limit", 200)
                .when()
                .get(PARKED)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        List<Map<String, Object>> mine = listing.getList("findAll { it.eventId == '" + event + "' }");
        assertThat(mine).singleElement().satisfies(parked -> {
            assertThat(parked)
                    .containsOnlyKeys(
                            "eventId",
                            "subscriber",
                            "type",
                            "version",
                            "subjectId",
                            "occurredAt",
                            "attempts",
                            "lastError",
                            "parkedAt")
                    .containsEntry("subscriber", "self")
                    .containsEntry("type", "profile.changed")
                    .containsEntry("subjectId", subject.toString())
                    .containsEntry("attempts", 3)
                    .containsEntry("lastError", "HTTP 422");
        });
        assertThat(listing.prettify()).doesNotContain("ageBand", "band-");
    }

    @Test
    void replayingAnEventThatIsNotParkedIsA404ProblemAndABadIdA400() {
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .when()
                .post(PARKED + "/" + UUID.randomUUID() + "/replay")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .when()
                .post(PARKED + "/not-an-id/replay")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("eventId"));
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .queryParam("limit", 201)
                .when()
                .get(PARKED)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void withoutATokenBothAreA401() {
        given().when().get(PARKED).then().statusCode(401).contentType("application/problem+json");
        given().when()
                .post(PARKED + "/" + UUID.randomUUID() + "/replay")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sales", "service", "marketing", "analyst", "dpo"})
    void everyRoleButAdminGets403(String role) {
        given().auth()
                .oauth2(TestTokens.forRole(role))
                .when()
                .get(PARKED)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.forRole(role))
                .when()
                .post(PARKED + "/" + UUID.randomUUID() + "/replay")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aServiceAccountGets403() {
        given().auth()
                .oauth2(TestTokens.serviceAccount("outbox-test"))
                .when()
                .get(PARKED)
                .then()
                .statusCode(403);
    }

    private UUID publish(UUID subject) {
        return QuarkusTransaction.requiringNew()
                .call(() -> outbox.publish("profile.changed", 1, subject, new Changed(subject, "band-35-44")));
    }

    /**
     * The gauge as a registry reads it. The library has no registry backend of its own (the services bring
     * Prometheus), so a simple registry joins Micrometer's composite, which hands it every meter registered.
     */
    private double parkedGauge() {
        if (metrics instanceof CompositeMeterRegistry composite
                && composite.getRegistries().stream().noneMatch(SimpleMeterRegistry.class::isInstance)) {
            composite.add(new SimpleMeterRegistry());
        }
        return metrics.get("opencdp.outbox.parked")
                .tag("subscriber", "self")
                .gauge()
                .value();
    }

    private static Map<String, Object> delivery(UUID eventId) {
        return TestDatabase.rows(
                        "SELECT attempts, rejections, last_error, parked_at, delivered_at FROM outbox_delivery"
                                + " WHERE event_id = ? AND subscriber = 'self'",
                        eventId)
                .get(0);
    }
}
