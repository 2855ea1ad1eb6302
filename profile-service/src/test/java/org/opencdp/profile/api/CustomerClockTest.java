package org.opencdp.profile.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.opencdp.profile.api.CustomerFixtures.create;
import static org.opencdp.profile.api.CustomerFixtures.person;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * "Now" comes from the injected Clock everywhere a customer is validated, stored, shown and told: with the clock
 * set to 2040, a child born in 2035 (a birth date in the future of the real clock) is accepted, five years old, and
 * stamped with the clock's time. Also shows how a test replaces the default clock of libs/service-defaults.
 */
@QuarkusTest
@WithPostgres
@TestProfile(CustomerClockTest.In2040.class)
class CustomerClockTest {

    static final Instant NOW = Instant.parse("2040-06-01T08:00:00Z");

    public static class In2040 implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(FixedClock.class);
        }
    }

    @Alternative
    public static class FixedClock {
        @Produces
        @Singleton
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Test
    void validationAgeTimestampsAndEventsReadTheInjectedClock() throws Exception {
        Map<String, Object> child = person();
        child.put("birthDate", "2035-05-31");

        String id = create(child)
                .then()
                .statusCode(201)
                .body("createdAt", equalTo("2040-06-01T08:00:00Z"))
                .body("age", equalTo(5))
                .body("ageBand", equalTo("under-18"))
                .extract()
                .path("id");

        String payload = (String) TestDatabase.rows(
                        "SELECT payload::text AS payload FROM outbox_event " + "WHERE subject_id = ?",
                        UUID.fromString(id))
                .get(0)
                .get("payload");
        assertThat(new ObjectMapper().readTree(payload).get("ageBand").asText()).isEqualTo("under-18");
    }
}
