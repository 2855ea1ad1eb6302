package org.opencdp.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.opencdp.profile.api.TicketFixtures;
import org.opencdp.subjectrights.testkit.SubjectRightsContractTest;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

@QuarkusTest
class ProfileSubjectRightsTest extends SubjectRightsContractTest {

    static String zammadToken;

    @Override
    protected UUID givenASubjectWithData() {
        String email = "erika." + UUID.randomUUID().toString().substring(0, 8) + "@example.de";
        String company = RestAssured.given()
                .auth()
                .oauth2(TestTokens.forRole("sales"))
                .contentType(ContentType.JSON)
                .body(Map.of("type", "COMPANY", "companyName", "Erasure Test AG"))
                .when()
                .post("/api/v1/customers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String person = RestAssured.given()
                .auth()
                .oauth2(TestTokens.forRole("sales"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "person",
                        Map.of(
                                "type",
                                "PERSON",
                                "givenName",
                                "Erika",
                                "familyName",
                                "Mustermann",
                                "emails",
                                java.util.List.of(Map.of("address", email))),
                        "jobTitle",
                        "Buyer"))
                .when()
                .post("/api/v1/customers/" + company + "/contacts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // A call and a note: entries an erasure deletes (business letters are kept, see TimelineErasureTest).
        for (String channel : java.util.List.of("CALL", "NOTE")) {
            RestAssured.given()
                    .auth()
                    .oauth2(TestTokens.forRole("service"))
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "channel",
                            channel,
                            "direction",
                            "INBOUND",
                            "occurredAt",
                            "2026-11-02T10:00:00Z",
                            "summary",
                            "Asked for a callback"))
                    .when()
                    .post("/api/v1/customers/" + person + "/timeline")
                    .then()
                    .statusCode(201);
        }
        RestAssured.given()
                .auth()
                .oauth2(TestTokens.forRole("service"))
                .contentType(ContentType.JSON)
                .body(Map.of("nps", 8, "source", "AGENT", "comment", "Happy overall"))
                .when()
                .post("/api/v1/customers/" + person + "/feedback")
                .then()
                .statusCode(201);
        // A ticket from Zammad, matched by the e-mail address: the ticket row, its article on the timeline.
        if (zammadToken == null) {
            zammadToken = TicketFixtures.register("zammad-subject-rights", "ZAMMAD");
        }
        TicketFixtures.sendZammad(
                        "zammad-subject-rights",
                        zammadToken,
                        UUID.randomUUID().toString(),
                        TicketFixtures.zammad(TicketFixtures.zammadValues(email, "")))
                .then()
                .statusCode(200)
                .body("inInbox", org.hamcrest.Matchers.equalTo(false));
        return UUID.fromString(person);
    }

    @Override
    protected void assertNothingLeftAfterErasure(UUID subjectId) {
        assertThat(TestDatabase.count("SELECT count(*) FROM customer WHERE id = ?", subjectId))
                .isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM customer_search_term WHERE customer_id = ?", subjectId))
                .isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM company_contact WHERE person_id = ?", subjectId))
                .isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM timeline_entry WHERE subject_id = ?", subjectId))
                .isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM customer_feedback WHERE subject_id = ?", subjectId))
                .isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM ticket WHERE subject_id = ?", subjectId))
                .isZero();
        assertThat(TestDatabase.KEYS.number(
                        "SELECT count(*) FROM subject_key WHERE subject_id = ? AND erased_at IS NULL", subjectId))
                .isZero();
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM outbox_event WHERE subject_id = ? AND type = 'customer.deleted'",
                        subjectId))
                .isOne();
    }
}
