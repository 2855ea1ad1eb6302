package org.opencdp.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.opencdp.retention.service.RequestWorker;
import org.opencdp.subjectrights.testkit.SubjectRightsContractTest;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * retention-service holds the copies of a subject's data it gathered for an access request: the subject gets one,
 * answered by retention-service itself (the other participants are down in this test).
 */
@QuarkusTest
class RetentionSubjectRightsTest extends SubjectRightsContractTest {

    @Inject
    RequestWorker worker;

    @Override
    protected UUID givenASubjectWithData() {
        UUID subject = UUID.randomUUID();
        String id = RestAssured.given()
                .auth()
                .oauth2(TestTokens.forRole("dpo"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "type",
                        "ACCESS",
                        "subjectId",
                        subject.toString(),
                        "channel",
                        "EMAIL",
                        "receivedOn",
                        LocalDate.now(ZoneOffset.UTC).toString()))
                .post("/api/v1/requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        RestAssured.given()
                .auth()
                .oauth2(TestTokens.forRole("dpo"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "verifiedBy", "dpo", "method", "KNOWN_CONTACT_DETAILS", "verifiedAt", "2026-01-01T00:00:00Z"))
                .post("/api/v1/requests/" + id + "/verification")
                .then()
                .statusCode(200);
        worker.work();
        return subject;
    }

    @Override
    protected void assertNothingLeftAfterErasure(UUID subjectId) {
        assertThat(TestDatabase.count("""
                        SELECT count(*) FROM subject_request_task t JOIN subject_request r ON r.id = t.request_id
                         WHERE r.subject_id = ? AND t.result IS NOT NULL""", subjectId)).isZero();
    }
}
