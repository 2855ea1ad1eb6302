package org.opencdp.subjectrights.testkit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Erased stays erased (issue 9): a late write for an erased subject is refused with 410 and stores nothing. */
@QuarkusTest
@WithPostgres
class ErasedSubjectWriteTest {

    @Test
    void aWriteForAnErasedSubjectIsGoneAndStoresNothing() {
        UUID subject = UUID.randomUUID();
        addNote(subject, "Prefers e-mail").then().statusCode(204);
        given().auth()
                .oauth2(TestTokens.serviceAccount("retention-service"))
                .contentType(ContentType.JSON)
                .body(Map.of("requestId", UUID.randomUUID().toString()))
                .when()
                .post("/api/v1/subject-rights/" + subject + "/erasure")
                .then()
                .statusCode(200);

        addNote(subject, "Prefers e-mail, again")
                .then()
                .statusCode(410)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:opencdp:problem:gone"));
        assertThat(TestDatabase.count("SELECT count(*) FROM note WHERE subject_id = ?", subject))
                .isZero();
        assertThat(TestDatabase.KEYS.number(
                        "SELECT count(*) FROM subject_key WHERE subject_id = ? AND erased_at IS NULL", subject))
                .isZero();
    }

    private static io.restassured.response.Response addNote(UUID subject, String body) {
        return given().auth()
                .oauth2(TestTokens.forRole("sales"))
                .contentType(ContentType.TEXT)
                .body(body)
                .when()
                .post("/api/v1/notes/" + subject);
    }
}
