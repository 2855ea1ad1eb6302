package org.opencdp.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Once shutdown has begun, a new request is refused with a 503 problem before the application sees it. Its own
 * test profile gives this class an application of its own: the gate, once closed, stays closed.
 */
@QuarkusTest
@TestProfile(ShutdownGateTest.OwnApplication.class)
class ShutdownGateTest {

    public static class OwnApplication implements QuarkusTestProfile {}

    @Inject
    Event<ShutdownDelayInitiatedEvent> shutdown;

    @Test
    void theSharedSettingsLetQuarkusAnnounceTheShutdownWithoutDelayingIt() {
        var config = ConfigProvider.getConfig();
        assertThat(config.getValue("quarkus.shutdown.delay-enabled", Boolean.class))
                .isTrue();
        assertThat(config.getOptionalValue("quarkus.shutdown.delay", String.class))
                .isEmpty();
    }

    @Test
    void afterShutdownBeganANewRequestGetsA503ProblemAndNeverReachesTheResource() {
        String person = "{\"name\":\"Erika\",\"emails\":[]}";
        given().contentType("application/json")
                .body(person)
                .post("/problem-test/people")
                .then()
                .statusCode(200);

        shutdown.fire(new ShutdownDelayInitiatedEvent());

        String answer = given().contentType("application/json")
                .body(person)
                .post("/problem-test/people")
                .then()
                .statusCode(503)
                .contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", equalTo("1"))
                .header("Connection", equalTo("close"))
                .body("type", equalTo("urn:opencdp:problem:service-unavailable"))
                .body("status", equalTo(503))
                .body("instance", equalTo("/problem-test/people"))
                .extract()
                .asString();
        assertThat(answer).as("the resource echoes the person; it did not run").doesNotContain("Erika");
        given().get("/problem-test/page?size=1").then().statusCode(503);
    }
}
