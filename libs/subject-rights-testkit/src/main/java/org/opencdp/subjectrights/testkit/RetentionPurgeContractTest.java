package org.opencdp.subjectrights.testkit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.auditEntriesOf;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.auditEntryAt;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.counts;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.policy;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.purge;
import static org.opencdp.subjectrights.testkit.RetentionPurgeCalls.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.restassured.http.ContentType;

/**
 * What every service's retention purge shares: the categories it declares, the audit trail's expiry (held by every
 * service through libs/subject-rights), and that only retention-service may run a purge. A service's test extends
 * it, is annotated {@code @QuarkusTest}, names its categories, and adds tests of its own categories' records.
 */
@WithPostgres
public abstract class RetentionPurgeContractTest {

    /** The retention categories the service holds besides {@code audit-trail}. */
    protected abstract List<String> heldCategories();

    @Test
    void theCapabilitiesListEveryCategoryHeld() {
        List<String> declared = given().auth()
                .oauth2(TestTokens.serviceAccount("retention-service"))
                .when()
                .get("/api/v1/subject-rights")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("retentionCategories", String.class);
        assertThat(declared).containsAll(heldCategories()).contains("audit-trail");
    }

    @Test
    void theAuditTrailLosesTheEntriesPastTheirPeriodOnly() {
        UUID subject = UUID.randomUUID();
        auditEntryAt(subject, Instant.parse("2011-05-01T10:00:00Z")); // + P3Y ends in 2014: expired since 2015 began
        auditEntryAt(subject, Instant.parse("2012-03-01T10:00:00Z")); // ends in 2015: kept until 2016 begins
        List<Map<String, Object>> policies = List.of(policy("audit-trail", "P3Y", true));
        Instant asOf = Instant.parse("2015-12-31T23:00:00Z");

        assertThat(counts(purge(true, asOf, policies), "audit-trail")).containsExactly(1, 0);
        assertThat(auditEntriesOf(subject)).isEqualTo(2);
        assertThat(counts(purge(false, asOf, policies), "audit-trail")).containsExactly(1, 1);
        assertThat(auditEntriesOf(subject)).isOne();
    }

    @Test
    void onlyRetentionServiceMayRunAPurge() {
        Map<String, Object> body = run(
                UUID.randomUUID(),
                true,
                Instant.parse("2015-01-01T00:00:00Z"),
                List.of(policy("audit-trail", "P3Y", true)));
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(RetentionPurgeCalls.PATH)
                .then()
                .statusCode(401);
        for (String token : List.of(
                TestTokens.forRole("dpo"), TestTokens.forRole("admin"), TestTokens.serviceAccount("profile-service"))) {
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post(RetentionPurgeCalls.PATH)
                    .then()
                    .statusCode(403);
        }
    }
}
