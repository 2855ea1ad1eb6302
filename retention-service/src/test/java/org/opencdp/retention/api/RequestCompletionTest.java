package org.opencdp.retention.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.opencdp.retention.api.Requests.BASE;
import static org.opencdp.retention.api.Requests.asDpo;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.opencdp.retention.service.RequestWorker;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Requests that complete: retention-service is the only participant here (it answers for itself over HTTP), so
 * every request can run to its end. The cross-service runs are in e2e/.
 */
@QuarkusTest
@WithPostgres
@TestProfile(RequestCompletionTest.OnlyRetentionTakesPart.class)
class RequestCompletionTest {

    public static class OnlyRetentionTakesPart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("opencdp.subject-rights.participants", "retention");
        }
    }

    @Inject
    RequestWorker worker;

    @Test
    void anErasureOfAnUnknownSubjectCompletesWithNoDataHeldAndSoDoesASecondOne() {
        UUID subject = UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            String id = Requests.file("ERASURE", subject, Requests.today());
            Requests.verify(id);
            worker.work();
            assertThat(Requests.get(id).getString("state")).isEqualTo("COMPLETED");
            JsonPath receipt = asDpo().when()
                    .get(BASE + "/" + id + "/receipt")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(receipt.getBoolean("noDataHeld")).isTrue();
            assertThat(receipt.getString("services[0].participant")).isEqualTo("retention");
            assertThat(receipt.getString("services[0].report.action")).isEqualTo("ERASURE");
            assertThat(receipt.getString("services[0].report.requestId")).isEqualTo(id);
        }
    }

    @Test
    void aTaskLeasedByAWorkerThatDiedIsTakenUpWhenItsLeaseExpiresAndDoneOnce() {
        UUID subject = UUID.randomUUID();
        String id = Requests.file("ERASURE", subject, Requests.today());
        Requests.verify(id);
        // A worker claimed the task and died before it called the service.
        TestDatabase.execute(
                "UPDATE subject_request_task SET attempts = 1, lease_until = now() + interval '1 hour' "
                        + "WHERE request_id = ?::uuid",
                id);
        assertThat(worker.work()).as("a live lease is left alone").isZero();
        TestDatabase.execute(
                "UPDATE subject_request_task SET lease_until = now() - interval '1 second' WHERE request_id = ?::uuid",
                id);
        assertThat(worker.work()).isEqualTo(1);
        JsonPath done = Requests.get(id);
        assertThat(done.getString("state")).isEqualTo("COMPLETED");
        assertThat(done.getInt("tasks[0].attempts")).isEqualTo(2);
        String firstReceipt = receiptOf(id);

        // A worker called the service and died before it stored the answer: the call is repeated with the same
        // request id, and the service answers with its first receipt instead of erasing again.
        TestDatabase.execute(
                "UPDATE subject_request_task SET status = 'PENDING', result = NULL, done_at = NULL, "
                        + "lease_until = now() - interval '1 second' WHERE request_id = ?::uuid",
                id);
        TestDatabase.execute(
                "UPDATE subject_request SET state = 'IN_PROGRESS', completed_at = NULL WHERE id = ?::uuid", id);
        assertThat(worker.work()).isEqualTo(1);
        assertThat(Requests.get(id).getString("state")).isEqualTo("COMPLETED");
        assertThat(receiptOf(id)).isEqualTo(firstReceipt);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action = 'subject.erase'", subject))
                .as("the service erased once")
                .isEqualTo(1);
    }

    @Test
    void anAccessRequestGivesOneExportOfEveryServiceAndReadingItIsAudited() {
        UUID subject = UUID.randomUUID();
        String id = Requests.file("ACCESS", subject, Requests.today());
        Requests.verify(id);
        asDpo().when().get(BASE + "/" + id + "/export").then().statusCode(409);
        worker.work();
        JsonPath export = asDpo().when()
                .get(BASE + "/" + id + "/export")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(export.getString("subjectId")).isEqualTo(subject.toString());
        assertThat(export.getString("services[0].participant")).isEqualTo("retention");
        assertThat(export.getString("services[0].export.service")).isEqualTo("retention-service");
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM audit_entry WHERE subject_id = ? AND action = 'subject-request.export-read'",
                        subject))
                .isEqualTo(1);
        asDpo().when().get(BASE + "/" + id + "/receipt").then().statusCode(409);
    }

    @Test
    void aRestrictionAndItsLiftingComplete() {
        UUID subject = UUID.randomUUID();
        String restrict = Requests.file("RESTRICTION", subject, Requests.today());
        Requests.verify(restrict);
        worker.work();
        asDpo().when()
                .get(BASE + "/" + restrict + "/receipt")
                .then()
                .statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("COMPLETED"))
                .body("services[0].report.restricted", org.hamcrest.Matchers.equalTo(true));
        String lift = Requests.file("LIFT_RESTRICTION", subject, Requests.today());
        Requests.verify(lift);
        worker.work();
        asDpo().when()
                .get(BASE + "/" + lift + "/receipt")
                .then()
                .statusCode(200)
                .body("services[0].report.restricted", org.hamcrest.Matchers.equalTo(false));
    }

    @Test
    void openRequestsAreAGaugeByStateAndOverdue() {
        Requests.file("ACCESS", UUID.randomUUID(), Requests.today().minusDays(40));
        given().baseUri(URI.create(TestHTTPResourceManager.getManagementUri())
                        .resolve("/")
                        .toString())
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("opencdp_subject_requests_open{overdue=\"true\",state=\"RECEIVED\"}"))
                .body(containsString("opencdp_subject_requests_open{overdue=\"false\",state=\"IN_PROGRESS\"}"));
    }

    private static String receiptOf(String id) {
        return asDpo().when()
                .get(BASE + "/" + id + "/receipt")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }
}
