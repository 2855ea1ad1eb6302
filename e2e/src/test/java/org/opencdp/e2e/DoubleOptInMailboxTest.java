package org.opencdp.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencdp.localstack.DemoUser;
import org.opencdp.localstack.Service;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The double opt-in as a developer tries it after `make run`: a newsletter consent is pending, its mail arrives in
 * the local mailbox (GreenMail), read through the mailbox's REST API as the README says, and its link confirms it.
 */
@WithLocalSuite
class DoubleOptInMailboxTest {

    private static E2eSuite suite;

    @BeforeAll
    static void connect(E2eSuite started) {
        suite = started;
    }

    @Test
    void theMailInTheLocalMailboxConfirmsTheNewsletter() {
        String subject = UUID.randomUUID().toString();
        String address = "optin-" + subject.substring(0, 8) + "@example.org";
        ConsentRecords.record(
                        DoubleOptInMailboxTest::sales,
                        Map.of("subjectId", subject, "email", address),
                        "newsletter",
                        "en",
                        "PHONE")
                .body("status", equalTo("PENDING"));

        // The mail goes out with the next run of the sender (every 10 s).
        Pattern link =
                Pattern.compile(Pattern.quote(suite.url(Service.CONSENT)) + "(/api/v1/public/double-opt-in/\\S+)");
        String path = Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> linkIn(address, link), found -> found != null);

        given().baseUri(suite.url(Service.CONSENT))
                .contentType(ContentType.JSON)
                .when()
                .post(path)
                .then()
                .statusCode(200)
                .body("status", equalTo("GRANTED"));
        sales().queryParam("subjectId", subject)
                .queryParam("purpose", "newsletter")
                .when()
                .get("/api/v1/decisions")
                .then()
                .statusCode(200)
                .body("allowed", equalTo(true));
    }

    /** The confirmation link of the newest mail to the address in the local mailbox, or null while there is none. */
    private static String linkIn(String address, Pattern link) {
        List<String> mails = given().baseUri(suite.layout().mailboxUrl())
                .when()
                .get("/api/user/" + address + "/messages/INBOX")
                .then()
                .extract()
                .jsonPath()
                .getList("mimeMessage", String.class);
        if (mails == null || mails.isEmpty()) {
            return null;
        }
        Matcher found = link.matcher(mails.getLast());
        assertThat(found.find()).as("the mail holds the confirmation link").isTrue();
        return found.group(1);
    }

    private static RequestSpecification sales() {
        return suite.as(DemoUser.SALES, Service.CONSENT);
    }
}
