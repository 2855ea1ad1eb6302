package org.opencdp.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencdp.localstack.DemoUser;
import org.opencdp.localstack.Service;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A purge run as the dpo starts it, through retention-service against the five services started for real: every
 * retention policy goes to every service, each answers with its report, and the run is COMPLETE. A dry run with the
 * clock moved ten years ahead, so it shows expired records everywhere and deletes nothing (the other tests' data
 * stays; RetentionPurgeTest checks the deleting side at each service).
 */
@WithLocalSuite
class PurgeRunTest {

    private static E2eSuite suite;

    @BeforeAll
    static void connect(E2eSuite started) {
        suite = started;
    }

    @Test
    void aDryRunReachesEveryServiceAndEachReportsItsOwnCategories() {
        Instant asOf = Instant.now().plus(3650, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        JsonPath run = given().baseUri(suite.url(Service.RETENTION))
                .auth()
                .oauth2(suite.keycloak().login(DemoUser.DPO))
                .contentType(ContentType.JSON)
                .body(Map.of("dryRun", true, "asOf", asOf.toString()))
                .when()
                .post("/api/v1/purge-runs")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();

        assertThat(run.getString("outcome")).isEqualTo("COMPLETE");
        assertThat(run.getBoolean("dryRun")).isTrue();
        List<Map<String, Object>> services = run.getList("services");
        assertThat(services).extracting(s -> s.get("status")).containsOnly("ANSWERED");
        assertThat(services).hasSize(5);

        // Each service reports the categories it holds, nothing deleted; the audit trail is held by every one.
        assertThat(categoriesOf(run, "tracking")).contains("tracking-raw-events", "tracking-daily-aggregates");
        assertThat(categoriesOf(run, "behaviour")).contains("booking-vouchers", "abandoned-carts");
        assertThat(categoriesOf(run, "consent")).contains("consent-proofs");
        assertThat(categoriesOf(run, "profile")).contains("inactive-customer-profile", "expired-leads");
        assertThat(categoriesOf(run, "retention")).contains("audit-trail");
        assertThat(run.getList("services.report.categories.flatten().deleted", Integer.class))
                .isNotEmpty()
                .containsOnly(0);
    }

    private static List<String> categoriesOf(JsonPath run, String participantPrefix) {
        return run.getList(
                "services.find { it.participant.startsWith('" + participantPrefix + "') }.report.categories.category",
                String.class);
    }
}
