package org.opencdp.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencdp.localstack.DemoUser;
import org.opencdp.localstack.Service;
import org.opencdp.testsupport.HeadlessChromiumExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * consent-service's cookie banner demo in a real headless Chromium against the running suite, as issue 10's "cookie
 * banner example" asks: the dpo publishes new texts of web analytics and the banner shows them; the visitor accepts
 * web analytics alone, which records a COOKIE_BANNER grant for the tracker's
 * visitor id, for the purpose's current version and the hash of the text shown, and the decision API allows; the
 * visitor rejects all, which records the revocation, and the next decision denies. The page shows both in its history
 * view, and once the visitor becomes a known customer the dpo's consent history shows both with their proofs.
 */
@WithLocalSuite
@ExtendWith(HeadlessChromiumExtension.class)
class BannerBrowserTest {

    private static final String PURPOSE = "web-analytics";
    private static final String SITE = "site_demo";
    /** Loading the page, the tracker and the purposes, or one choice acknowledged: room for a busy machine. */
    private static final Duration PAGE = Duration.ofSeconds(30);

    private static E2eSuite suite;

    private ChromeDriver browser;

    @BeforeAll
    static void connect(E2eSuite started) {
        suite = started;
    }

    @BeforeEach
    void open(ChromeDriver started) {
        browser = started;
    }

    @Test
    void acceptingAnalyticsThenRejectingAllIsRecordedWithProofAndTheDecisionsFollow() {
        // The dpo revises the texts: the banner shows the new version, and the consent names it.
        int before = (Integer) currentVersion().get("version");
        String title = "Web analytics (revised " + UUID.randomUUID().toString().substring(0, 8) + ")";
        publishTexts(title);
        Map<String, Object> current = currentVersion();
        assertThat(current).containsEntry("version", before + 1);

        browser.get(suite.url(Service.CONSENT) + "/consent/banner-demo.html");
        waitFor("var box = document.getElementById('purpose-" + PURPOSE + "');"
                + "return window.cdpTracker !== undefined && box !== null"
                + " && box.parentElement.textContent.indexOf('" + title + "') >= 0");
        String visitor = (String) browser.executeScript("return cdpTracker.visitorId()");

        browser.findElement(By.id("purpose-" + PURPOSE)).click();
        browser.findElement(By.id("save-choice")).click();
        waitFor("return document.getElementById('status').textContent.indexOf('the tracker runs') >= 0");

        List<Map<String, Object>> afterAccept = publicHistoryOf(visitor);
        assertThat(afterAccept)
                .as("only the purpose chosen is granted; the others were never granted, so nothing is recorded")
                .hasSize(1);
        Map<String, Object> grant = afterAccept.getFirst();
        assertThat(grant)
                .containsEntry("action", "GRANT")
                .containsEntry("purpose", PURPOSE)
                .containsEntry("channel", "COOKIE_BANNER")
                .containsEntry("recordedBy", "SITE")
                .containsEntry("language", "en")
                .containsEntry("version", current.get("version"))
                .containsEntry("textHash", hashOf(current, "en"));
        assertThat(decide(visitor))
                .containsEntry("allowed", true)
                .containsEntry("reason", "GRANTED")
                .containsEntry("entryId", grant.get("entryId"));

        browser.findElement(By.id("reject-all")).click();
        waitFor("return document.getElementById('status').textContent.indexOf('the tracker does not run') >= 0");

        List<Map<String, Object>> afterReject = publicHistoryOf(visitor);
        assertThat(afterReject).hasSize(2);
        Map<String, Object> revoke = afterReject.getLast();
        assertThat(revoke)
                .containsEntry("action", "REVOKE")
                .containsEntry("purpose", PURPOSE)
                .containsEntry("channel", "COOKIE_BANNER")
                .containsEntry("recordedBy", "SITE");
        assertThat(decide(visitor))
                .containsEntry("allowed", false)
                .containsEntry("reason", "REVOKED")
                .containsEntry("entryId", revoke.get("entryId"));
        // The page refreshes its history view once the ledger acknowledged the choice.
        waitFor("var rows = Array.from(document.querySelectorAll('#history tbody tr'))"
                + ".filter(r => r.cells[2].textContent === '" + PURPOSE + "').map(r => r.cells[1].textContent);"
                + "return rows.length === 2 && rows[0] === 'GRANT' && rows[1] === 'REVOKE'");

        // The dpo reads a subject's history: the visitor's entries are in it once the shop links the visitor.
        UUID subject = UUID.randomUUID();
        linkToSubject(visitor, subject);
        List<Map<String, Object>> ofTheVisitor = dpoHistoryOf(subject).stream()
                .filter(entry -> "VISITOR".equals(entry.get("holderType")))
                .filter(entry -> PURPOSE.equals(entry.get("purpose")))
                .toList();
        assertThat(ofTheVisitor)
                .extracting(entry -> entry.get("entryId"))
                .containsExactly(grant.get("entryId"), revoke.get("entryId"));
        assertThat(ofTheVisitor)
                .allSatisfy(entry -> assertThat(entry)
                        .containsEntry("holderId", visitor)
                        .containsEntry("channel", "COOKIE_BANNER")
                        .containsEntry("recordedBy", Map.of("kind", "SITE", "name", SITE)));
        // The grant's proof is the text shown; the revocation's is the grant it ended (a withdrawal shows no text).
        assertThat(ofTheVisitor.getFirst())
                .containsEntry("action", "GRANT")
                .containsEntry("version", current.get("version"))
                .containsEntry("language", "en")
                .containsEntry("textHash", hashOf(current, "en"));
        assertThat(ofTheVisitor.getLast())
                .containsEntry("action", "REVOKE")
                .containsEntry("refersTo", grant.get("entryId"));
    }

    /** The visitor's own ledger entries, oldest first, as the banner's public side shows them to the visitor. */
    private static List<Map<String, Object>> publicHistoryOf(String visitor) {
        return given().baseUri(suite.url(Service.CONSENT))
                .header("Origin", suite.url(Service.CONSENT))
                .when()
                .get("/api/v1/public/sites/" + SITE + "/visitors/" + visitor + "/consents")
                .then()
                .statusCode(200)
                .extract()
                .path("history");
    }

    /** The purpose's current version with its texts, as the dpo sees it in the catalog. */
    private static Map<String, Object> currentVersion() {
        return suite.as(DemoUser.DPO, Service.CONSENT)
                .when()
                .get("/api/v1/purposes/" + PURPOSE)
                .then()
                .statusCode(200)
                .extract()
                .path("current");
    }

    /** The dpo publishes new English and German texts of the purpose: its next version. */
    private static void publishTexts(String englishTitle) {
        suite.as(DemoUser.DPO, Service.CONSENT)
                .body(Map.of(
                        "texts",
                        Map.of(
                                "en",
                                Map.of(
                                        "title",
                                        englishTitle,
                                        "body",
                                        "We count page views, clicks and scrolling under a random visitor id to"
                                                + " improve the shop."),
                                "de",
                                Map.of(
                                        "title",
                                        "Webanalyse",
                                        "body",
                                        "Wir zählen Seitenaufrufe, Klicks und Scrollen unter einer zufälligen"
                                                + " Besucherkennung, um den Shop zu verbessern."))))
                .when()
                .post("/api/v1/purposes/" + PURPOSE + "/versions")
                .then()
                .statusCode(201);
    }

    @SuppressWarnings("unchecked")
    private static String hashOf(Map<String, Object> version, String language) {
        return ((Map<String, Map<String, String>>) version.get("texts"))
                .get(language)
                .get("hash");
    }

    /** consent-service's decision, asked as tracking-service asks it. */
    private static Map<String, Object> decide(String visitor) {
        return suite.asService(Service.TRACKING, Service.CONSENT)
                .queryParam("visitorId", visitor)
                .queryParam("purpose", PURPOSE)
                .when()
                .get("/api/v1/decisions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
    }

    /** The shop's backend tells consent-service that the visitor logged in as a known customer. */
    private static void linkToSubject(String visitor, UUID subject) {
        suite.asShop(Service.CONSENT)
                .body(Map.of("subjectId", subject.toString()))
                .when()
                .post("/api/v1/visitors/" + visitor + "/subject")
                .then()
                .statusCode(201);
    }

    private static List<Map<String, Object>> dpoHistoryOf(UUID subject) {
        return suite.as(DemoUser.DPO, Service.CONSENT)
                .when()
                .get("/api/v1/subjects/" + subject + "/consents")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
    }

    /** Waits for the page; when it does not come, the failure shows what the page showed instead. */
    private void waitFor(String condition) {
        new WebDriverWait(browser, PAGE)
                .withMessage(() -> "the page showed: "
                        + browser.executeScript("return 'tracker '"
                                + " + (window.cdpTracker !== undefined ? 'loaded' : 'not loaded') + '; '"
                                + " + document.body.innerText"))
                .until(driver -> Boolean.TRUE.equals(browser.executeScript(condition)));
    }
}
