package org.opencdp.retention.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.opencdp.retention.api.Requests.BASE;
import static org.opencdp.retention.api.Requests.asDpo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.opencdp.retention.service.RequestWorker;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Requests with all five participants configured: retention-service answers for itself, the other four point at a
 * closed port, so their tasks wait and are retried.
 */
@QuarkusTest
@WithPostgres
class RequestResourceTest {

    @Inject
    RequestWorker worker;

    @Test
    void aRequestIsFiledThenVerifiedWhichStoresOneTaskPerServiceBeforeAnyCall() {
        UUID subject = UUID.randomUUID();
        String id = Requests.file("ERASURE", subject, Requests.today().minusDays(2));
        JsonPath filed = Requests.get(id);
        assertThat(filed.getString("state")).isEqualTo("RECEIVED");
        assertThat(filed.getString("dueOn"))
                .isEqualTo(Requests.today().minusDays(2).plusMonths(1).toString());
        assertThat(filed.getString("filedBy")).isNotBlank();

        JsonPath verified = Requests.verify(id);
        assertThat(verified.getString("state")).isEqualTo("VERIFIED");
        assertThat(verified.getString("verification.method")).isEqualTo("CALLBACK");
        assertThat(verified.getList("tasks.participant"))
                .containsExactlyInAnyOrder("behaviour", "consent", "profile", "retention", "tracking");
        assertThat(verified.getList("tasks.status")).containsOnly("PENDING");
        assertThat(verified.getList("tasks.attempts", Integer.class)).containsOnly(0);
    }

    @Test
    void aServiceThatIsDownIsRetriedWithBackoffAndTheRequestWaitsForIt() {
        String id = Requests.file("ERASURE", UUID.randomUUID(), Requests.today());
        Requests.verify(id);
        worker.work();

        JsonPath request = Requests.get(id);
        assertThat(request.getString("state")).isEqualTo("IN_PROGRESS");
        Map<String, Object> own = task(request, "retention");
        assertThat(own.get("status")).isEqualTo("DONE");
        Map<String, Object> profile = task(request, "profile");
        assertThat(profile.get("status")).isEqualTo("PENDING");
        assertThat(profile.get("attempts")).isEqualTo(1);
        assertThat((String) profile.get("lastError"))
                .matches("unreachable: (ConnectException|CircuitBreakerOpenException)");
        assertThat(profile.get("nextAttemptAt")).isNotNull();

        // Not due again before its backoff ends: an immediate run leaves it alone.
        int attemptsBefore = (Integer) task(Requests.get(id), "profile").get("attempts");
        TestDatabase.execute(
                "UPDATE subject_request_task SET next_attempt_at = now() + interval '1 hour' WHERE request_id = ?::uuid",
                id);
        worker.work();
        assertThat(task(Requests.get(id), "profile").get("attempts")).isEqualTo(attemptsBefore);
    }

    @Test
    void theBackoffDoublesUpToItsMaximum() {
        // In tests: retry-initial PT1M, retry-max PT4M.
        assertThat(worker.backoffAfter(1)).hasMinutes(1);
        assertThat(worker.backoffAfter(2)).hasMinutes(2);
        assertThat(worker.backoffAfter(3)).hasMinutes(4);
        assertThat(worker.backoffAfter(10)).hasMinutes(4);
    }

    @Test
    void theOverdueWatchListsRequestsPastOrNearTheirDueDate() {
        String overdue =
                Requests.file("ACCESS", UUID.randomUUID(), Requests.today().minusDays(40));
        String nearlyDue =
                Requests.file("ACCESS", UUID.randomUUID(), Requests.today().minusDays(27));
        String fresh = Requests.file("ACCESS", UUID.randomUUID(), Requests.today());

        asDpo().queryParam("overdue", "true")
                .when()
                .get(BASE)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(overdue))
                .body("items.id", not(hasItem(nearlyDue)))
                .body("items.id", not(hasItem(fresh)));
        asDpo().queryParam("dueWithin", "P7D")
                .when()
                .get(BASE)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(overdue))
                .body("items.id", hasItem(nearlyDue))
                .body("items.id", not(hasItem(fresh)));
    }

    @Test
    void theListIsNewestFirstAndPagedWithAnOpaqueCursor() {
        List<String> filed = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            filed.add(Requests.file("ACCESS", UUID.randomUUID(), Requests.today()));
        }
        List<String> newestFirst = filed.reversed();

        JsonPath first = page(null);
        assertThat(first.getList("items.id", String.class)).containsExactly(newestFirst.get(0), newestFirst.get(1));
        assertThat(first.getString("next")).isNotBlank();
        JsonPath second = page(first.getString("next"));
        assertThat(second.getList("items.id", String.class).getFirst()).isEqualTo(newestFirst.get(2));

        // The watch lists page by due date, the most urgent first, with the same cursor.
        String older =
                Requests.file("ACCESS", UUID.randomUUID(), Requests.today().minusDays(60));
        String old = Requests.file("ACCESS", UUID.randomUUID(), Requests.today().minusDays(50));
        JsonPath overdue = asDpo().queryParam("overdue", "true")
                .queryParam("limit", "1")
                .when()
                .get(BASE)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> walked = new java.util.ArrayList<>(overdue.getList("items.id", String.class));
        while (overdue.getString("next") != null) {
            overdue = asDpo().queryParam("overdue", "true")
                    .queryParam("limit", "1")
                    .queryParam("cursor", overdue.getString("next"))
                    .when()
                    .get(BASE)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            walked.addAll(overdue.getList("items.id", String.class));
        }
        assertThat(walked).containsSubsequence(older, old).doesNotHaveDuplicates();
    }

    @Test
    void aBadCursorOrLimitIsAProblem() {
        for (String cursor :
                List.of("not-a-cursor", org.opencdp.requestparameters.RequestParameters.cursorOf(UUID.randomUUID()))) {
            asDpo().queryParam("cursor", cursor)
                    .when()
                    .get(BASE)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("cursor"));
        }
        for (String limit : List.of("0", "201", "many")) {
            asDpo().queryParam("limit", limit)
                    .when()
                    .get(BASE)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("limit"));
        }
        asDpo().queryParam("limit", "200").when().get(BASE).then().statusCode(200);
    }

    private static JsonPath page(String cursor) {
        var request = asDpo().queryParam("limit", "2");
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.when().get(BASE).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anExtensionNeedsAReasonAndANoticeWithinTheFirstMonth() {
        var received = Requests.today().minusDays(10);
        String id = Requests.file("ACCESS", UUID.randomUUID(), received);
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("months", 2, "noticeSentOn", received.plusDays(3).toString()),
                Map.of("months", 2, "reason", "complex"),
                Map.of(
                        "months",
                        2,
                        "reason",
                        "complex",
                        "noticeSentOn",
                        received.plusMonths(1).plusDays(1).toString()),
                Map.of(
                        "months",
                        3,
                        "reason",
                        "complex",
                        "noticeSentOn",
                        received.plusDays(3).toString()))) {
            asDpo().body(bad)
                    .when()
                    .post(BASE + "/" + id + "/extension")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json");
        }
        assertThat(Requests.get(id).getString("dueOn"))
                .isEqualTo(received.plusMonths(1).toString());

        asDpo().body(Map.of(
                        "months",
                        2,
                        "reason",
                        "complex",
                        "noticeSentOn",
                        received.plusDays(3).toString()))
                .when()
                .post(BASE + "/" + id + "/extension")
                .then()
                .statusCode(200)
                .body("dueOn", equalTo(received.plusMonths(3).toString()))
                .body("extension.reason", equalTo("complex"));
        asDpo().body(Map.of(
                        "months",
                        1,
                        "reason",
                        "again",
                        "noticeSentOn",
                        received.plusDays(4).toString()))
                .when()
                .post(BASE + "/" + id + "/extension")
                .then()
                .statusCode(422);
    }

    @Test
    void aRejectedRequestAsksNoService() {
        String id = Requests.file("ERASURE", UUID.randomUUID(), Requests.today());
        Requests.verify(id);
        asDpo().body(Map.of("reason", "Identity could not be verified"))
                .when()
                .post(BASE + "/" + id + "/rejection")
                .then()
                .statusCode(200)
                .body("state", equalTo("REJECTED"))
                .body("tasks", org.hamcrest.Matchers.empty());
        worker.work();
        assertThat(Requests.get(id).getString("state")).isEqualTo("REJECTED");
    }

    @Test
    void badInputIsAProblemAndStoresNothing() {
        long before = TestDatabase.count("SELECT count(*) FROM subject_request");
        asDpo().body(Map.of("type", "ERASURE", "channel", "MAIL", "receivedOn", "2026-01-01"))
                .when()
                .post(BASE)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("subjectId"));
        asDpo().body(Map.of(
                        "type",
                        "ERASURE",
                        "subjectId",
                        UUID.randomUUID().toString(),
                        "channel",
                        "MAIL",
                        "receivedOn",
                        Requests.today().plusDays(1).toString()))
                .when()
                .post(BASE)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("receivedOn"));
        asDpo().body(Map.of(
                        "type",
                        "FORGET_ME",
                        "subjectId",
                        UUID.randomUUID().toString(),
                        "channel",
                        "MAIL",
                        "receivedOn",
                        "2026-01-01"))
                .when()
                .post(BASE)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertThat(TestDatabase.count("SELECT count(*) FROM subject_request")).isEqualTo(before);

        asDpo().when().get(BASE + "/" + UUID.randomUUID()).then().statusCode(404);
        asDpo().when().get(BASE + "/not-a-uuid").then().statusCode(400);
        asDpo().queryParam("dueWithin", "-P7D").when().get(BASE).then().statusCode(400);
        asDpo().queryParam("dueWithin", "seven days").when().get(BASE).then().statusCode(400);
        asDpo().queryParam("overdue", "maybe").when().get(BASE).then().statusCode(400);
    }

    @Test
    void aSecondVerificationIsAConflict() {
        String id = Requests.file("ACCESS", UUID.randomUUID(), Requests.today());
        Requests.verify(id);
        asDpo().body(Map.of("verifiedBy", "someone", "method", "CALLBACK", "verifiedAt", "2026-01-01T09:00:00Z"))
                .when()
                .post(BASE + "/" + id + "/verification")
                .then()
                .statusCode(409);
        assertThat(TestDatabase.count("SELECT count(*) FROM subject_request_task WHERE request_id = ?::uuid", id))
                .isEqualTo(5);
    }

    @Test
    void onlyTheDpoMayAndATokenIsRequired() {
        String id = Requests.file("ACCESS", UUID.randomUUID(), Requests.today());
        given().when().get(BASE).then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post(BASE)
                .then()
                .statusCode(401);
        for (String token : List.of(
                TestTokens.forRole("sales"),
                TestTokens.forRole("service"),
                TestTokens.forRole("marketing"),
                TestTokens.forRole("analyst"),
                TestTokens.forRole("admin"),
                TestTokens.serviceAccount("profile-service"))) {
            given().auth().oauth2(token).when().get(BASE).then().statusCode(403);
            given().auth().oauth2(token).when().get(BASE + "/" + id).then().statusCode(403);
            given().auth()
                    .oauth2(token)
                    .when()
                    .get(BASE + "/" + id + "/export")
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(token)
                    .when()
                    .get(BASE + "/" + id + "/receipt")
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "type",
                            "ERASURE",
                            "subjectId",
                            UUID.randomUUID().toString(),
                            "channel",
                            "MAIL",
                            "receivedOn",
                            "2026-01-01"))
                    .when()
                    .post(BASE)
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of("verifiedBy", "x", "method", "CALLBACK", "verifiedAt", "2026-01-01T09:00:00Z"))
                    .when()
                    .post(BASE + "/" + id + "/verification")
                    .then()
                    .statusCode(403);
        }
        assertThat(Requests.get(id).getString("state")).isEqualTo("RECEIVED");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> task(JsonPath request, String participant) {
        return request.getList("tasks", Map.class).stream()
                .filter(t -> participant.equals(t.get("participant")))
                .findFirst()
                .orElseThrow();
    }
}
