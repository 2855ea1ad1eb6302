package org.opencdp.caller;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencdp.caller.VerifiedTokenCacheTest.Lookups;
import org.opencdp.testsupport.TestTokens;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * An entry is used for the time to live at most (60 s), even when the token is valid for longer: after it the token is
 * verified again, so a signing key the realm removed stops being accepted. The time comes from the injected clock.
 */
@QuarkusTest
@TestProfile(VerifiedTokenCacheTimeToLiveTest.WithMovableClock.class)
class VerifiedTokenCacheTimeToLiveTest {

    public static class WithMovableClock implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(MovableClock.class);
        }
    }

    /** The real time, moved forward by what a test asks for. */
    @Alternative
    @Singleton
    public static class MovableClock extends Clock {

        private volatile Duration offset = Duration.ZERO;

        void moveForward(Duration by) {
            offset = offset.plus(by);
        }

        void reset() {
            offset = Duration.ZERO;
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
            return Instant.now().plus(offset);
        }
    }

    @Inject
    MeterRegistry registry;

    @Inject
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aTokenIsVerifiedAgainAfterTheTimeToLive() {
        String token = TestTokens.user(VerifiedTokenCacheTest.login(), "sales");
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
        Lookups before = Lookups.of(registry);

        // Half the time to live, so that a slow first request (a fresh application on a busy machine) cannot matter.
        clock.moveForward(Duration.ofSeconds(30));
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
        assertThat(Lookups.of(registry).minus(before))
                .as("within the time to live")
                .isEqualTo(new Lookups(1, 0));

        clock.moveForward(Duration.ofSeconds(31));
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
        assertThat(Lookups.of(registry).minus(before))
                .as("verified again, then remembered anew")
                .isEqualTo(new Lookups(2, 1));
    }
}
