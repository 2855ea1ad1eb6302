package org.opencdp.subjectrights.testkit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.opencdp.personaldata.PersonalDataCipher;
import org.opencdp.personaldata.SubjectKeyDestroyedException;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Runs the contract kit against a small test application, and covers what the kit leaves to each service. */
@QuarkusTest
class NotesSubjectRightsTest extends SubjectRightsContractTest {

    @Inject
    Notes notes;

    @Inject
    PersonalDataCipher cipher;

    @Override
    protected UUID givenASubjectWithData() {
        UUID subject = UUID.randomUUID();
        notes.add(subject, "NOTE", "Prefers calls after 6 pm");
        return subject;
    }

    @Override
    protected void assertNothingLeftAfterErasure(UUID subjectId) {
        assertThat(TestDatabase.count("SELECT count(*) FROM note WHERE subject_id = ?", subjectId))
                .isZero();
        assertThat(TestDatabase.KEYS.number(
                        "SELECT count(*) FROM subject_key WHERE subject_id = ? AND erased_at IS NULL", subjectId))
                .isZero();
    }

    @Test
    void erasureDestroysTheSubjectKeySoACopiedCiphertextIsUnreadable() {
        UUID subject = givenASubjectWithData();
        byte[] backup = (byte[]) TestDatabase.rows("SELECT body FROM note WHERE subject_id = ?", subject)
                .get(0)
                .get("body");
        erase(subject);
        assertThatThrownBy(() -> cipher.decrypt(subject, "note.body", backup))
                .isInstanceOf(SubjectKeyDestroyedException.class);
    }

    @Test
    void recordsALawRequiresAreKeptRestrictedAndReadableUntilTheirDate() {
        UUID subject = givenASubjectWithData();
        notes.add(subject, "INVOICE", "Invoice 2026-0042");
        given().auth()
                .oauth2(TestTokens.serviceAccount("retention-service"))
                .contentType(ContentType.JSON)
                .body(Map.of("requestId", UUID.randomUUID().toString()))
                .when()
                .post(BASE + "/" + subject + "/erasure")
                .then()
                .statusCode(200)
                .body("restricted", equalTo(true))
                .body("categories.find { it.category == 'invoices' }.keptUnderLegalHold", equalTo(1))
                .body("categories.find { it.category == 'invoices' }.keptUntil", equalTo("2034-12-31"))
                .body("categories.find { it.category == 'notes' }.erased", equalTo(1))
                .body("categories.find { it.category == 'subject-key' }.erased", equalTo(0));
        assertThat(TestDatabase.KEYS.number(
                        "SELECT count(*) FROM subject_key WHERE subject_id = ? AND erased_at IS NULL", subject))
                .isOne();
        assertThat(TestDatabase.rows("SELECT basis, until FROM subject_restriction WHERE subject_id = ?", subject))
                .singleElement()
                .satisfies(row -> assertThat(row.get("basis")).isEqualTo("LEGAL_HOLD"));
    }

    @Test
    void liftingAnArt18RestrictionLeavesALegalHoldInPlace() {
        UUID subject = givenASubjectWithData();
        notes.add(subject, "INVOICE", "Invoice 2026-0043");
        erase(subject);
        given().auth()
                .oauth2(TestTokens.serviceAccount("retention-service"))
                .queryParam("requestId", UUID.randomUUID().toString())
                .when()
                .delete(BASE + "/" + subject + "/restriction")
                .then()
                .statusCode(200)
                .body("restricted", equalTo(true));
    }

    @Test
    void theDpoMayReadTheCapabilitiesButNoData() {
        given().auth()
                .oauth2(TestTokens.forRole("dpo"))
                .when()
                .get(BASE)
                .then()
                .statusCode(200)
                .body("service", equalTo("testkit-service"));
    }

    private void erase(UUID subject) {
        given().auth()
                .oauth2(TestTokens.serviceAccount("retention-service"))
                .contentType(ContentType.JSON)
                .body(Map.of("requestId", UUID.randomUUID().toString()))
                .when()
                .post(BASE + "/" + subject + "/erasure")
                .then()
                .statusCode(200);
    }
}
