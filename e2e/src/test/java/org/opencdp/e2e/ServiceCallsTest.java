package org.opencdp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencdp.localstack.DemoUser;
import org.opencdp.localstack.Service;

/**
 * A call from one service to the others with its own client-credentials token from Keycloak (libs/service-calls):
 * retention-service asks every service whether it takes part in data-subject requests.
 */
@WithLocalSuite
class ServiceCallsTest {

    private static E2eSuite suite;

    @BeforeAll
    static void connect(E2eSuite started) {
        suite = started;
    }

    @Test
    void retentionServiceReachesEveryServiceWithItsOwnTokenAndTheDpoSeesTheAnswers() {
        List<Map<String, Object>> answers = suite.as(DemoUser.DPO, Service.RETENTION)
                .when()
                .get("/api/v1/participants")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");

        assertThat(answers)
                .extracting(a -> a.get("participant"))
                .containsExactlyInAnyOrder("profile", "behaviour", "tracking", "consent", "retention");
        assertThat(answers).as("every service answered (no error)").allSatisfy(a -> {
            assertThat(a).doesNotContainKey("error");
            assertThat(a.get("result")).isNotNull();
        });
    }

    @Test
    void aDepartmentRoleCannotTriggerTheServiceCalls() {
        suite.as(DemoUser.SALES, Service.RETENTION)
                .when()
                .get("/api/v1/participants")
                .then()
                .statusCode(403);
    }
}
