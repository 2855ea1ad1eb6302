package org.opencdp.retention.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A service that refuses a task with a 4xx fails it instead of being asked forever: profile-service's URL points at
 * a route that does not exist (404), behaviour-service's at retention-service itself, which refuses a token meant for
 * behaviour-service (401, as a misconfigured service account would be). tracking and consent stay unreachable and
 * keep being retried.
 */
@QuarkusTest
@WithPostgres
@TestProfile(RefusedTaskTest.RefusingServices.class)
class RefusedTaskTest {

    public static class RefusingServices implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "opencdp.services.profile.url", "http://localhost:${quarkus.http.test-port}/no-such-route",
                    "opencdp.services.behaviour.url", "http://localhost:${quarkus.http.test-port}");
        }
    }

    @Inject
    RequestWorker worker;

    @Test
    void aRefusalFailsTheTaskWithItsStatusAndTheRequestNeedsAttentionUntilTheDpoRetries() {
        String id = Requests.file("ERASURE", UUID.randomUUID(), Requests.today());
        Requests.verify(id);
        worker.work();

        JsonPath request = Requests.get(id);
        assertThat(request.getString("state")).isEqualTo("IN_PROGRESS");
        assertThat(request.getBoolean("needsAttention")).isTrue();
        assertThat(task(request, "profile"))
                .containsEntry("status", "FAILED")
                .containsEntry("lastError", "answered HTTP 404")
                .doesNotContainKey("nextAttemptAt");
        assertThat(task(request, "behaviour"))
                .containsEntry("status", "FAILED")
                .containsEntry("lastError", "answered HTTP 401");
        assertThat(task(request, "tracking")).containsEntry("status", "PENDING");
        assertThat(task(request, "retention")).containsEntry("status", "DONE");

        // A failed task is not claimed again by the worker on its own.
        TestDatabase.execute(
                "UPDATE subject_request_task SET next_attempt_at = now() - interval '1 hour' WHERE request_id = ?::uuid",
                id);
        worker.work();
        assertThat(task(Requests.get(id), "profile")).containsEntry("attempts", 1);

        // The listing shows it too, so the dpo sees it without opening every request.
        List<Map<String, Object>> listed = asDpo().when()
                .get(BASE)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.findAll { it.id == '" + id + "' }");
        assertThat(listed).singleElement().satisfies(r -> assertThat(r).containsEntry("needsAttention", true));

        JsonPath retried = asDpo().when()
                .post(BASE + "/" + id + "/tasks/profile/retry")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(task(retried, "profile"))
                .containsEntry("status", "PENDING")
                .containsEntry("lastError", "answered HTTP 404");
        assertThat(retried.getBoolean("needsAttention")).isTrue(); // behaviour is still FAILED
        worker.work();
        assertThat(task(Requests.get(id), "profile"))
                .containsEntry("status", "FAILED")
                .containsEntry("attempts", 2);
    }

    @Test
    void onlyAFailedTaskOfAnOpenRequestIsRetried() {
        String id = Requests.file("ERASURE", UUID.randomUUID(), Requests.today());
        Requests.verify(id);
        worker.work();

        asDpo().when()
                .post(BASE + "/" + id + "/tasks/tracking/retry")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        asDpo().when()
                .post(BASE + "/" + id + "/tasks/nobody/retry")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        asDpo().when()
                .post(BASE + "/not-a-uuid/tasks/profile/retry")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void onlyTheDpoRetriesATask() {
        String id = Requests.file("ERASURE", UUID.randomUUID(), Requests.today());
        String path = BASE + "/" + id + "/tasks/profile/retry";
        given().when().post(path).then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .when()
                .post(path)
                .then()
                .statusCode(403);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> task(JsonPath request, String participant) {
        List<Map<String, Object>> tasks = request.getList("tasks");
        return tasks.stream()
                .filter(t -> participant.equals(t.get("participant")))
                .findFirst()
                .orElseThrow();
    }
}
