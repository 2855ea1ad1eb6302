package org.opencdp.tracking.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The activity check profile-service's retention of inactive profiles asks (libs/subject-rights
 * {@code SubjectActivityApi}): an event received at or after {@code since}, sent under the subject's id or by a
 * visitor linked to it, makes a subject active. Events are placed around now, in partitions that exist.
 */
@QuarkusTest
@WithPostgres
class SubjectsActiveResourceTest {

    private static final String PATH = "/api/v1/subjects/activity";

    @Test
    void anEventOfTheSubjectOrOfALinkedVisitorSinceTheMomentMakesItActive() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant since = before.plus(Duration.ofMinutes(5));
        Instant after = before.plus(Duration.ofMinutes(10));
        UUID ownEventSince = UUID.randomUUID();
        event(ownEventSince, null, after);
        UUID visitorEventSince = UUID.randomUUID();
        event(null, linkedVisitor(visitorEventSince), after);
        UUID atTheMoment = UUID.randomUUID();
        event(atTheMoment, null, since);
        UUID ownEventBefore = UUID.randomUUID();
        event(ownEventBefore, null, before);
        UUID visitorEventBefore = UUID.randomUUID();
        event(null, linkedVisitor(visitorEventBefore), before);
        UUID unknown = UUID.randomUUID();

        List<String> active = ask(
                        TestTokens.serviceAccount("profile-service"),
                        Map.of(
                                "subjectIds",
                                List.of(
                                        ownEventSince,
                                        visitorEventSince,
                                        atTheMoment,
                                        ownEventBefore,
                                        visitorEventBefore,
                                        unknown),
                                "since",
                                since.toString()))
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("activeSubjectIds", String.class);

        assertThat(active)
                .containsExactlyInAnyOrder(
                        ownEventSince.toString(), visitorEventSince.toString(), atTheMoment.toString());
    }

    @Test
    void onlyProfileServiceMayAsk() {
        Map<String, Object> query = Map.of("subjectIds", List.of(UUID.randomUUID()), "since", "2024-01-01T00:00:00Z");
        given().contentType(ContentType.JSON)
                .body(query)
                .when()
                .post(PATH)
                .then()
                .statusCode(401);
        for (String token : List.of(
                TestTokens.forRole("sales"),
                TestTokens.forRole("dpo"),
                TestTokens.serviceAccount("retention-service"),
                TestTokens.serviceAccount("consent-service"),
                TestTokens.shop("shop-backend"))) {
            ask(token, query).statusCode(403);
        }
    }

    @Test
    void moreThanAThousandIdsNoMomentOrNoUuidsAre400Problems() {
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(UUID.randomUUID().toString());
        }
        String token = TestTokens.serviceAccount("profile-service");
        ask(token, Map.of("subjectIds", tooMany, "since", "2024-01-01T00:00:00Z"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body(containsString("subjectIds"));
        ask(token, Map.of("subjectIds", List.of(UUID.randomUUID())))
                .statusCode(400)
                .contentType("application/problem+json")
                .body(containsString("since"));
        ask(token, Map.of("subjectIds", List.of("not-a-uuid"), "since", "2024-01-01T00:00:00Z"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body(containsString("subjectIds"));
    }

    private static ValidatableResponse ask(String token, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(PATH)
                .then();
    }

    private static String linkedVisitor(UUID subject) {
        String visitor = UUID.randomUUID().toString().replace("-", "");
        TestDatabase.execute(
                "INSERT INTO visitor_subject (visitor_id, subject_id, linked_at) VALUES (?, ?, now())",
                visitor,
                subject);
        return visitor;
    }

    private static void event(UUID subject, String visitor, Instant receivedAt) {
        TestDatabase.execute(
                "INSERT INTO tracked_event (id, received_at, site_key, type, visitor_id, subject_id, url,"
                        + " client_time, browser, device_class, consent_entry_id) VALUES (?, ?, 'site_demo',"
                        + " 'page_view', ?, ?, '/', ?, 'Chrome', 'desktop', ?)",
                UUID.randomUUID(),
                Timestamp.from(receivedAt),
                visitor,
                subject,
                Timestamp.from(receivedAt),
                UUID.randomUUID());
    }
}
