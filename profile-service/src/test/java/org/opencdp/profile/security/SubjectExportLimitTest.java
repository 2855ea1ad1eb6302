package org.opencdp.profile.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * OWASP API6 for the one export of personal data profile-service has: the subject-rights export, which only
 * retention-service may call, is limited per caller too. It runs in an application instance of its own (the test
 * profile), because it uses up retention-service's allowance, which the other tests' exports would then lack.
 */
@QuarkusTest
@WithPostgres
@TestProfile(SubjectExportLimitTest.OwnApplication.class)
class SubjectExportLimitTest {

    /**
     * The shipped capacity, in an application instance of its own. The refill is slowed down: at the shipped rate
     * (one export every 30 s) a loaded machine that takes longer than that for the loop below gets a token back
     * meanwhile, and the request meant to be refused would pass.
     */
    public static class OwnApplication implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("opencdp.bulk-read.limits.subject-export.period", "1000H");
        }
    }

    @Test
    void exportsBeyondTheLimitAreRefusedWith429AndRetryAfter() {
        long capacity =
                ConfigProvider.getConfig().getValue("opencdp.bulk-read.limits.subject-export.capacity", Long.class);
        String retention = TestTokens.serviceAccount("retention-service");
        for (long i = 0; i < capacity; i++) {
            given().auth()
                    .oauth2(retention)
                    .when()
                    .get("/api/v1/subject-rights/" + UUID.randomUUID())
                    .then()
                    .statusCode(200);
        }
        given().auth()
                .oauth2(retention)
                .when()
                .get("/api/v1/subject-rights/" + UUID.randomUUID())
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("urn:opencdp:problem:too-many-requests"));
    }
}
