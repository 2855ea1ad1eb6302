package org.opencdp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencdp.localstack.DemoUser;
import org.opencdp.localstack.Service;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * profile-service's 360° view over the five services started for real: with every service up each part comes from
 * its service, asked with the agent's own frontend token; with consent-, behaviour-, tracking- or retention-service
 * stopped in turn, the view still answers, at once, with a marker where that service's part would be. The bound on the
 * time is the view's timeout (300 ms) plus 2 s of slack for a busy machine: a check that the timeout acts, not a
 * performance figure (that is in the bench).
 */
@WithLocalSuite
class CustomerView360Test {

    private static final Duration WITHIN_THE_TIMEOUT = Duration.ofMillis(300 + 2_000);
    /** Until a restarted service is asked again: its circuit breaker waits 5 s before trying it. */
    private static final Duration BACK = Duration.ofSeconds(60);

    private static E2eSuite suite;
    private static String subject;

    @BeforeAll
    static void aCustomerWhoAllowsPersonalisation(E2eSuite started) {
        suite = started;
        subject = DemoPeople.create(suite);
        ConsentRecords.grant(
                () -> suite.as(DemoUser.SALES, Service.CONSENT),
                "subjectId",
                subject,
                "personalisation",
                "de",
                "PHONE");
    }

    @Test
    void withEveryServiceUpEveryPartComesFromItsService() {
        JsonPath view = complete(DemoUser.SALES);

        assertThat(view.getString("customer.familyName")).isEqualTo("Mustermann");
        assertThat(view.getBoolean("restricted")).isFalse();
        assertThat(view.getList("consents.decisions.purpose"))
                .containsExactly("newsletter", "phone-marketing", "personalisation", "web-analytics");
        assertThat(view.getBoolean("consents.decisions.find { it.purpose == 'personalisation' }.allowed"))
                .isTrue();
        // No orders yet: behaviour-service, asked with the agent's token, says it has nothing on the subject.
        assertThat(view.getString("kpis.noData")).isEqualTo("behaviour-service has no data on the subject");
        assertThat(view.getInt("webVisits.visits")).isZero();
        assertThat(view.getList("timeline")).isEmpty();
        // behaviour-service lets a service agent's own token in too (the segment part): no orders, no data.
        assertThat(complete(DemoUser.SERVICE).getString("kpis.noData"))
                .isEqualTo("behaviour-service has no data on the subject");
    }

    @Test
    void aServiceAgentSeesTheSegmentAndNoRevenue() {
        String buyer = DemoPeople.create(suite, Map.of("givenName", "Max"));
        suite.asShop(Service.BEHAVIOUR)
                .body(List.of(Orders.order(
                        buyer,
                        Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS),
                        "tents",
                        "250")))
                .when()
                .post("/api/v1/orders/bulk")
                .then()
                .statusCode(200)
                .body("created", equalTo(1));
        suite.as(DemoUser.ANALYST, Service.BEHAVIOUR)
                .when()
                .post("/api/v1/kpis/recompute")
                .then()
                .statusCode(200);

        JsonPath asSales = complete(DemoUser.SALES, buyer);
        assertThat(asSales.getDouble("kpis.totalRevenue")).isEqualTo(250.0);
        String segment = asSales.getString("kpis.rfmSegment");
        assertThat(segment).isNotBlank();

        JsonPath asService = complete(DemoUser.SERVICE, buyer);
        assertThat(asService.getString("kpis.rfmSegment")).isEqualTo(segment);
        assertThat(asService.getMap("kpis"))
                .containsOnlyKeys("recencyScore", "frequencyScore", "monetaryScore", "rfmSegment", "computedAt");
    }

    @Test
    void withConsentServiceStoppedTheConsentsAndTheWebVisitsAreMarked() {
        complete(DemoUser.SALES);
        suite.stack().stopService(Service.CONSENT);
        try {
            JsonPath view = timedView();
            assertThat(view.getString("consents.unavailable")).startsWith("consent-service ");
            assertThat(view.getString("webVisits.unavailable"))
                    .isEqualTo("the personalisation consent could not be checked at consent-service");
            assertThat(view.getString("kpis.noData")).isNotNull();
            assertThat(view.getString("customer.familyName")).isEqualTo("Mustermann");
        } finally {
            suite.stack().startService(Service.CONSENT);
        }
        complete(DemoUser.SALES);
    }

    @Test
    void withBehaviourServiceStoppedTheKpisAreMarked() {
        complete(DemoUser.SALES);
        suite.stack().stopService(Service.BEHAVIOUR);
        try {
            JsonPath view = timedView();
            assertThat(view.getString("kpis.unavailable")).startsWith("behaviour-service ");
            assertThat(view.getInt("webVisits.visits")).isZero();
            assertThat(view.getList("consents.decisions")).hasSize(4);
        } finally {
            suite.stack().startService(Service.BEHAVIOUR);
        }
        complete(DemoUser.SALES);
    }

    @Test
    void withTrackingServiceStoppedTheWebVisitsAreMarked() {
        complete(DemoUser.SALES);
        suite.stack().stopService(Service.TRACKING);
        try {
            JsonPath view = timedView();
            assertThat(view.getString("webVisits.unavailable")).startsWith("tracking-service ");
            assertThat(view.getString("kpis.noData")).isNotNull();
            assertThat(view.getList("consents.decisions")).hasSize(4);
        } finally {
            suite.stack().startService(Service.TRACKING);
        }
        complete(DemoUser.SALES);
    }

    @Test
    void withRetentionServiceStoppedNothingIsMissing() {
        complete(DemoUser.SALES);
        suite.stack().stopService(Service.RETENTION);
        try {
            // The view does not ask retention-service: the restriction marker is profile-service's own.
            JsonPath view = timedView();
            assertThat(view.getBoolean("restricted")).isFalse();
            assertThat(view.getMap("consents")).containsKey("decisions");
            assertThat(view.getMap("kpis")).containsKey("noData");
            assertThat(view.getMap("webVisits")).containsKey("visits");
        } finally {
            suite.stack().startService(Service.RETENTION);
        }
    }

    /** The view as sales, timed: it must answer within the timeout (plus slack), whatever is down. */
    private static JsonPath timedView() {
        RequestSpecification request = suite.as(DemoUser.SALES, Service.PROFILE);
        long started = System.nanoTime();
        JsonPath view = view(request);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(WITHIN_THE_TIMEOUT);
        return view;
    }

    /**
     * The view once no part is marked unavailable: right after a service (re)started, its first calls may still
     * time out while it warms up, or find its circuit open.
     */
    private static JsonPath complete(DemoUser user) {
        return complete(user, subject);
    }

    private static JsonPath complete(DemoUser user, String customer) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(BACK).pollInterval(Duration.ofSeconds(1)).until(() -> {
            last[0] = view(suite.as(user, Service.PROFILE), customer);
            return !last[0].prettify().contains("\"unavailable\"");
        });
        return last[0];
    }

    private static JsonPath view(RequestSpecification request) {
        return view(request, subject);
    }

    private static JsonPath view(RequestSpecification request, String customer) {
        return request.when()
                .get("/api/v1/customers/" + customer + "/360")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
