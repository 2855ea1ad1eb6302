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
import org.opencdp.localstack.Service;
import org.opencdp.testsupport.HeadlessChromiumExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * tracking-service's demo shop in a real headless Chromium against the running suite, with consent-service's address
 * in the page's link: the visitor accepts in the page's banner (recorded in consent-service's ledger), clicks, scrolls
 * and leaves; tracking-service then holds the page view, the click and the page leave, each under that ledger entry.
 */
@WithLocalSuite
@ExtendWith(HeadlessChromiumExtension.class)
class TrackerJourneyBrowserTest {

    private static final Duration PAGE = Duration.ofSeconds(20);
    /** The batch goes out on page hide; this is room for the gate's decision and a busy machine. */
    private static final Duration STORED = Duration.ofSeconds(30);

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
    void aVisitorWhoAcceptsInTheBannerHasTheClickScrollAndLeaveStoredUnderTheLedgerEntry() {
        browser.get(suite.url(Service.TRACKING) + "/tracker/demo.html?consent=" + suite.url(Service.CONSENT));
        waitFor("return window.cdpTracker !== undefined");
        browser.findElement(By.id("consent-accept")).click();
        waitFor("return cdpTracker.hasConsent()");
        String visitor = (String) browser.executeScript("return cdpTracker.visitorId()");
        String entry = webAnalyticsEntryOf(visitor);

        browser.findElement(By.cssSelector("[data-cdp-track='add-to-cart:tent-fjell-2']"))
                .click();
        browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "window.scrollTo(0, document.documentElement.scrollHeight / 2);"
                + "requestAnimationFrame(() => requestAnimationFrame(() => done()));");
        // Leaving hides the page: the tracker sends what it holds.
        browser.get(suite.url(Service.CONSENT) + "/consent/banner-demo.html");

        UUID subject = UUID.randomUUID();
        WebEvents.identify(suite, visitor, subject);
        WebEvents.until(
                suite,
                subject,
                STORED,
                events -> assertThat(events)
                        .extracting(row -> row.get("type"))
                        .contains("page_view", "click", "page_leave"));
        assertThat(WebEvents.of(suite, subject))
                .allSatisfy(row -> assertThat(row.get("consent_entry_id")).isEqualTo(entry));
    }

    /** The ledger entry of the visitor's web-analytics consent, as consent-service's public side shows it. */
    private static String webAnalyticsEntryOf(String visitor) {
        List<Map<String, Object>> decisions = given().baseUri(suite.url(Service.CONSENT))
                .header("Origin", suite.url(Service.TRACKING))
                .when()
                .get("/api/v1/public/sites/site_demo/visitors/" + visitor + "/consents")
                .then()
                .statusCode(200)
                .extract()
                .path("decisions");
        Map<String, Object> analytics = decisions.stream()
                .filter(decision -> "web-analytics".equals(decision.get("purpose")))
                .findFirst()
                .orElseThrow();
        assertThat(analytics.get("allowed")).isEqualTo(true);
        return (String) analytics.get("entryId");
    }

    private void waitFor(String condition) {
        new WebDriverWait(browser, PAGE).until(driver -> Boolean.TRUE.equals(browser.executeScript(condition)));
    }
}
