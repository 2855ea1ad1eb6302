package org.opencdp.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.opencdp.subjectrights.testkit.SubjectRightsContractTest;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ConsentSubjectRightsTest extends SubjectRightsContractTest {

    /** A subject with a phone-marketing consent in force and a newsletter waiting for confirmation. */
    @Override
    protected UUID givenASubjectWithData() {
        UUID subject = UUID.randomUUID();
        for (String purpose : new String[] {"phone-marketing", "newsletter"}) {
            Map<String, Object> text = given().auth()
                    .oauth2(TestTokens.forRole("sales"))
                    .when()
                    .get("/api/v1/purposes/" + purpose)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("current");
            @SuppressWarnings("unchecked")
            Map<String, Map<String, String>> texts = (Map<String, Map<String, String>>) text.get("texts");
            Map<String, Object> body = new java.util.HashMap<>(Map.of(
                    "subjectId",
                    subject.toString(),
                    "purpose",
                    purpose,
                    "version",
                    text.get("version"),
                    "language",
                    "de",
                    "textHash",
                    texts.get("de").get("hash"),
                    "channel",
                    "PHONE"));
            if (purpose.equals("newsletter")) {
                body.put("email", "erika.rights@example.de");
            }
            given().auth()
                    .oauth2(TestTokens.forRole("sales"))
                    .contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post("/api/v1/consents")
                    .then()
                    .statusCode(201);
        }
        return subject;
    }

    @Override
    protected void assertNothingLeftAfterErasure(UUID subjectId) {
        assertThat(TestDatabase.count("SELECT count(*) FROM consent_state WHERE holder_id = ?", subjectId))
                .isZero();
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM opt_in_token t JOIN consent_entry e ON e.id = t.pending_entry_id "
                                + "WHERE e.holder_id = ?",
                        subjectId))
                .isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM opt_in_mail WHERE holder_id = ?", subjectId))
                .as("the newsletter's queued mail (never sent: no SMTP in this test) goes with the erasure")
                .isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM consent_entry WHERE holder_id = ?", subjectId))
                .as("the ledger entries are kept under the legal hold")
                .isEqualTo(2);
    }
}
