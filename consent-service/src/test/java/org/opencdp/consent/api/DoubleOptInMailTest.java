package org.opencdp.consent.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.opencdp.consent.api.ConsentFixtures.CONSENTS;
import static org.opencdp.consent.api.ConsentFixtures.as;
import static org.opencdp.consent.api.ConsentFixtures.asShop;
import static org.opencdp.consent.api.ConsentFixtures.grant;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;

import com.icegreen.greenmail.util.GreenMailUtil;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Double opt-in end to end with a real SMTP server: a newsletter grant is mailed after commit, the mail's link
 * confirms it once, SMTP outages delay the mail without losing the pending consent.
 */
@QuarkusTest
@WithPostgres
@WithTestResource(GreenMailResource.class)
class DoubleOptInMailTest {

    private static final Pattern LINK = Pattern.compile(
            Pattern.quote(GreenMailResource.BASE_URL) + "(/api/v1/public/double-opt-in/[A-Za-z0-9_-]{43})");

    @Test
    void theMailedLinkConfirmsTheNewsletterOnce() {
        String subject = UUID.randomUUID().toString();
        String address = subscribe(subject);
        assertThat(decision(subject)).isEqualTo("PENDING_CONFIRMATION");

        MimeMessage mail = awaitMail(address);
        String path = linkIn(mail);
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM opt_in_mail m JOIN consent_entry e ON e.id = m.pending_entry_id"
                                + " WHERE e.holder_id = ?::uuid AND m.sent_at IS NOT NULL",
                        subject))
                .isOne();

        // Opening the link (as a mail scanner or a link preview does on its own) only shows the button.
        given().when()
                .get(path)
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .body(containsString("<form method=\"post\">"));
        assertThat(decision(subject)).isEqualTo("PENDING_CONFIRMATION");

        pressTheButton(path).statusCode(200).body(containsString("confirmed"));
        assertThat(decision(subject)).isEqualTo("GRANTED");
        assertThat(actions(subject)).containsExactly("GRANT_PENDING", "CONFIRM");

        long rows = holderRows(subject);
        pressTheButton(path).statusCode(422).body(containsString("used already"));
        asApi().when()
                .post(path)
                .then()
                .statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("used already"));
        assertThat(holderRows(subject)).isEqualTo(rows);
    }

    @Test
    void theApiConfirmsWithJson() {
        String subject = UUID.randomUUID().toString();
        String path = linkIn(awaitMail(subscribe(subject)));

        asApi().when()
                .post(path)
                .then()
                .statusCode(200)
                .contentType(containsString("application/json"))
                .body("status", equalTo("GRANTED"));
        assertThat(decision(subject)).isEqualTo("GRANTED");
    }

    @Test
    void anExpiredLinkConfirmsNothing() {
        String subject = UUID.randomUUID().toString();
        String path = linkIn(awaitMail(subscribe(subject)));
        TestDatabase.execute(
                "UPDATE opt_in_token SET expires_at = now() - interval '1 minute' WHERE pending_entry_id IN"
                        + " (SELECT id FROM consent_entry WHERE holder_id = ?::uuid)",
                subject);
        long rows = holderRows(subject);

        asApi().when()
                .post(path)
                .then()
                .statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("expired"));
        pressTheButton(path).statusCode(422).body(containsString("expired"));
        assertThat(holderRows(subject)).isEqualTo(rows);
        assertThat(decision(subject)).isEqualTo("PENDING_CONFIRMATION");
    }

    @Test
    void anUnknownTokenConfirmsNothing() {
        String made = "/api/v1/public/double-opt-in/" + "A".repeat(43);
        asApi().when().post(made).then().statusCode(422).contentType(containsString("application/problem+json"));
        pressTheButton(made).statusCode(422);
    }

    @Test
    void whileSmtpIsDownTheMailWaitsAndThePendingConsentStays() {
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLoggerName() != null && record.getLoggerName().startsWith("com.icegreen")) {
                    return; // the test's SMTP server, not the service
                }
                synchronized (logged) {
                    logged.add(record.getMessage() + " " + Arrays.toString(record.getParameters()) + " "
                            + record.getThrown());
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        String subject = UUID.randomUUID().toString();
        String address;
        GreenMailResource.down();
        try {
            address = subscribe(subject);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> TestDatabase.count(
                                    "SELECT coalesce(max(m.attempts), 0) FROM opt_in_mail m JOIN consent_entry e"
                                            + " ON e.id = m.pending_entry_id WHERE e.holder_id = ?::uuid",
                                    subject)
                            >= 2);
            assertThat(decision(subject)).isEqualTo("PENDING_CONFIRMATION");
            assertThat(TestDatabase.count(
                            "SELECT count(*) FROM opt_in_token t JOIN consent_entry e ON e.id = t.pending_entry_id"
                                    + " WHERE e.holder_id = ?::uuid",
                            subject))
                    .as("no token outlives a mail that was not sent")
                    .isZero();
        } finally {
            GreenMailResource.up();
        }
        try {
            String path = linkIn(awaitMail(address));
            asApi().when().post(path).then().statusCode(200).body("status", equalTo("GRANTED"));
            assertThat(decision(subject)).isEqualTo("GRANTED");
            String token = path.substring(path.lastIndexOf('/') + 1);
            synchronized (logged) {
                assertThat(logged).anyMatch(line -> line.contains(subject));
                assertThat(logged).noneMatch(line -> line.contains(address) || line.contains(token));
            }
        } finally {
            root.removeHandler(capture);
        }
    }

    /** Records a newsletter grant from the shop's web form and returns the address it was given. */
    private static String subscribe(String subject) {
        String address = "erika." + subject.substring(0, 8) + "@example.de";
        Map<String, Object> body = grant("subjectId", subject, "newsletter", "WEB_FORM");
        body.put("language", "en");
        body.put("textHash", ConsentFixtures.currentHash("newsletter", "en"));
        body.put("email", address);
        asShop().body(body).when().post(CONSENTS).then().statusCode(201).body("status", equalTo("PENDING"));
        return address;
    }

    private static MimeMessage awaitMail(String address) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(address), m -> m != null);
    }

    private static MimeMessage mailTo(String address) throws Exception {
        for (MimeMessage message : GreenMailResource.server().getReceivedMessages()) {
            if (message.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
                return message;
            }
        }
        return null;
    }

    private static String linkIn(MimeMessage mail) {
        Matcher link = LINK.matcher(GreenMailUtil.getBody(mail));
        assertThat(link.find()).as("the mail has the confirmation link").isTrue();
        return link.group(1);
    }

    private static String decision(String subject) {
        return as("sales")
                .queryParam("subjectId", subject)
                .queryParam("purpose", "newsletter")
                .when()
                .get("/api/v1/decisions")
                .then()
                .statusCode(200)
                .extract()
                .path("reason");
    }

    private static List<String> actions(String subject) {
        return TestDatabase.rows(
                        "SELECT action FROM consent_entry WHERE holder_id = ?::uuid ORDER BY sequence", subject)
                .stream()
                .map(row -> (String) row.get("action"))
                .toList();
    }

    private static long holderRows(String subject) {
        return TestDatabase.count("SELECT count(*) FROM consent_entry WHERE holder_id = ?::uuid", subject);
    }

    /** What the confirmation page's button sends: a form POST, answered with an HTML page. */
    private static io.restassured.response.ValidatableResponse pressTheButton(String path) {
        return given().contentType(io.restassured.http.ContentType.URLENC)
                .formParam("confirm", "yes")
                .accept("text/html")
                .when()
                .post(path)
                .then()
                .contentType(containsString("text/html"));
    }

    /** An API client: no form, JSON answers (RestAssured would otherwise send a form content type). */
    private static io.restassured.specification.RequestSpecification asApi() {
        return given().contentType(io.restassured.http.ContentType.JSON).accept(io.restassured.http.ContentType.JSON);
    }
}
