package org.opencdp.tracking.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencdp.testsupport.HeadlessChromium;
import org.opencdp.tracking.tracker.TestSite.Received;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The tracker as a unit, in a real headless Chromium: the demo page and the minified tracker come from
 * {@link TestSite}, which records what arrives at the collect endpoint and answers as a test asks. (Against
 * tracking-service itself it is tested end to end.)
 */
class TrackerBrowserTest {

    private static final String DEMO = "/tracker/demo.html";
    private static final String ADD_TENT = "[data-cdp-track='add-to-cart:tent-fjell-2']";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    /** The tracker sends every 10 s while the page is visible; this is that plus room for a busy machine. */
    private static final Duration SEND_INTERVAL_WITH_MARGIN = Duration.ofSeconds(20);
    /** How long nothing must arrive for a test to conclude that nothing was sent. */
    private static final Duration QUIET = Duration.ofSeconds(3);

    private static final Set<String> COMMON_FIELDS = Set.of("type", "visitorId", "sessionId", "url", "clientTime");
    private static final Map<String, Set<String>> FIELDS_OF_TYPE = Map.of(
            "page_view", Set.of("referrer"),
            "page_leave", Set.of("dwellMs", "scrollDepth"),
            "click", Set.of("element"),
            "custom", Set.of("name", "properties"));

    @TempDir
    Path profile;

    private TestSite site;
    private ChromeDriver browser;

    @BeforeEach
    void start() throws IOException {
        site = TestSite.start();
        browser = HeadlessChromium.start(profile);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        site.close();
    }

    @Test
    void beforeConsentNothingIsStoredOrSentWhateverTheVisitorDoes() {
        openDemo();
        String offered = (String) js("return cdpTracker.visitorId()");

        click(ADD_TENT, 25);
        js("cdpTracker.track('wishlist', {sku: 'tent-fjell-2'})");
        scrollTo("document.documentElement.scrollHeight");

        assertThat(offered).as("the id a banner records consent for").matches(ID);
        assertThat(js("return cdpTracker.hasConsent()")).isEqualTo(false);
        assertThat(storedKeys()).as("localStorage before consent").isEmpty();
        assertThat(browser.manage().getCookies()).isEmpty();
        leave();
        assertNoMoreCollectsThan(0);
        assertThat(site.requests()).noneMatch(r -> r.path().startsWith("/api/"));
    }

    @Test
    void afterRejectNothingIsSentAndOnlyTheBannersChoiceIsStored() {
        openDemo();
        browser.findElement(By.id("consent-reject")).click();

        click(ADD_TENT, 25);
        scrollTo("document.documentElement.scrollHeight");

        assertThat(storedKeys()).containsExactly("demo-consent");
        leave();
        assertNoMoreCollectsThan(0);
    }

    @Test
    void afterAcceptAPageViewArrivesWithWellFormedIdsAndNoSubject() {
        openDemo();
        accept();

        await().atMost(SEND_INTERVAL_WITH_MARGIN)
                .until(() -> !site.events("page_view").isEmpty());

        assertThat(browser.getCurrentUrl())
                .as("sent while the page is open, so not on page hide")
                .isEqualTo(site.url(DEMO));
        Map<String, Object> pageView = site.events("page_view").getFirst();
        assertWellFormed(site.events());
        assertThat(pageView.get("visitorId"))
                .isEqualTo(stored("cdp_vid"))
                .isEqualTo(js("return cdpTracker.visitorId()"));
        assertThat(stored("cdp_session")).startsWith(pageView.get("sessionId") + ".");
        assertThat(storedKeys()).containsExactly("cdp_session", "cdp_vid", "demo-consent");
        assertThat(pageView.get("url")).isEqualTo(site.url(DEMO));
        assertThat(Instant.parse((String) pageView.get("clientTime")))
                .isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        Received batch = site.collects().getFirst();
        assertThat(batch.path()).isEqualTo("/api/v1/collect/site_demo");
        assertThat(batch.headers().get("content-type")).isEqualTo("text/plain;charset=UTF-8");
        assertThat(site.requests()).noneMatch(r -> r.method().equals("OPTIONS"));
    }

    @Test
    void clicksOnMarkedElementsAndTheDeepestScrollAreRecordedAndLeavingSendsPageLeave() {
        openDemo();
        accept();

        browser.findElement(By.cssSelector(ADD_TENT + " span")).click(); // inside a marked element
        browser.findElement(By.cssSelector("[data-cdp-track='product:stove-bris'] h3"))
                .click();
        browser.findElement(By.id("gift-card")).click(); // not marked
        long deepest = scrollTo("document.documentElement.scrollHeight / 2");
        long top = scrollTo("0");
        leave();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !site.events("page_leave").isEmpty());
        assertWellFormed(site.events());
        assertThat(site.events("click"))
                .extracting(e -> e.get("element"))
                .containsExactly("add-to-cart:tent-fjell-2", "product:stove-bris");
        assertThat(site.collects())
                .as("the text of a clicked element is never sent")
                .noneMatch(r -> r.body().contains("Add to cart"));
        Map<String, Object> pageLeave = site.events("page_leave").getFirst();
        assertThat((Integer) pageLeave.get("dwellMs")).isPositive();
        assertThat(deepest).isBetween(top + 1, 99L);
        assertThat(((Number) pageLeave.get("scrollDepth")).longValue())
                .as("the deepest, not the last, scroll")
                .isEqualTo(deepest);
    }

    @Test
    void aBatchAnswered503IsKeptAndSentAgainNotBeforeRetryAfter() {
        site.answerNextCollect(503, "2");
        openDemo();
        accept();

        click(ADD_TENT, 19); // with the page view, a full batch of 20: sent at once

        await().atMost(Duration.ofSeconds(15)).until(() -> site.collects().size() >= 2);
        Received refused = site.collects().get(0);
        Received again = site.collects().get(1);
        assertThat(refused.events()).hasSize(20);
        assertThat(again.events()).isEqualTo(refused.events());
        assertThat(again.arrivedAtMillis() - refused.arrivedAtMillis()).isGreaterThanOrEqualTo(2_000);
    }

    @Test
    void aBatchLostToANetworkErrorIsSentAgain() {
        site.breakCollectConnectionsFor(2_000);
        openDemo();
        accept();

        click(ADD_TENT, 19);

        await().atMost(SEND_INTERVAL_WITH_MARGIN)
                .until(() -> site.collects().size() >= 2
                        && site.collects().getLast().arrivedAtMillis() >= site.collectConnectionsBrokenUntil());
        assertThat(site.collects().getLast().events())
                .hasSize(20)
                .isEqualTo(site.collects().getFirst().events());
    }

    @Test
    void aBatchAnswered400IsDropped() {
        site.answerNextCollect(400, null);
        openDemo();
        accept();
        click(ADD_TENT, 19);
        await().atMost(Duration.ofSeconds(10)).until(() -> site.collects().size() == 1);

        click(ADD_TENT, 20);

        await().atMost(Duration.ofSeconds(10)).until(() -> site.collects().size() >= 2);
        assertThat(site.collects().get(1).events())
                .as("only the new clicks: the refused batch is gone")
                .hasSize(20)
                .allMatch(e -> e.get("type").equals("click"));
    }

    @Test
    void withdrawingConsentStopsSendingDropsWhatIsQueuedAndDeletesTheIds() {
        openDemo();
        accept();
        String visitor = stored("cdp_vid");
        click(ADD_TENT, 19);
        await().atMost(Duration.ofSeconds(10)).until(() -> site.collects().size() == 1);
        click(ADD_TENT, 3); // queued, not sent yet

        browser.findElement(By.id("privacy-settings")).click();
        browser.findElement(By.id("consent-reject")).click();
        click(ADD_TENT, 25);
        js("cdpTracker.track('wishlist', {sku: 'tent-fjell-2'})");
        scrollTo("document.documentElement.scrollHeight");

        assertThat(js("return cdpTracker.hasConsent()")).isEqualTo(false);
        assertThat(storedKeys()).containsExactly("demo-consent");
        assertThat(js("return cdpTracker.visitorId()"))
                .as("a new consent gets a new visitor")
                .isNotEqualTo(visitor);
        leave();
        assertNoMoreCollectsThan(1);
        assertThat(site.events()).hasSize(20);
    }

    @Test
    void aNewConsentAfterAWithdrawalStartsAfreshWithoutWhatWasQueuedBefore() {
        openDemo();
        accept();
        String withdrawn = stored("cdp_vid");
        click(ADD_TENT, 3); // queued with the page view, not sent yet

        browser.findElement(By.id("privacy-settings")).click();
        browser.findElement(By.id("consent-reject")).click();
        browser.findElement(By.id("privacy-settings")).click();
        accept();
        String visitor = stored("cdp_vid");
        leave();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !site.events("page_leave").isEmpty());
        assertThat(visitor).matches(ID).isNotEqualTo(withdrawn);
        assertThat(site.events())
                .allMatch(e -> e.get("visitorId").equals(visitor))
                .extracting(e -> e.get("type"))
                .containsExactly("page_view", "page_leave");
    }

    @Test
    void aPageBackFromTheBackForwardCacheIsANewPageView() {
        openDemo();
        accept();
        js("window.sameDocument = true");
        leave();

        browser.navigate().back();
        waitFor("return window.sameDocument === true");
        leave();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> site.events("page_leave").size() == 2);
        assertThat(site.events())
                .extracting(e -> e.get("type"))
                .containsExactly("page_view", "page_leave", "page_view", "page_leave");
    }

    @Test
    void consentWithdrawnInAnotherTabStopsThisTabToo() {
        openDemo();
        accept();
        String firstTab = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        openDemo(); // the banner remembers the consent and tells the tracker
        waitFor("return cdpTracker.hasConsent()");

        browser.findElement(By.id("privacy-settings")).click();
        browser.findElement(By.id("consent-reject")).click();
        browser.switchTo().window(firstTab);
        waitFor("return !cdpTracker.hasConsent()");
        int collectsSoFar = site.collects().size();
        click(ADD_TENT, 25);
        leave();

        assertNoMoreCollectsThan(collectsSoFar);
        assertThat(storedKeys()).containsExactly("demo-consent");
    }

    @Test
    void theNextPageKeepsVisitorAndSessionAndASessionEndsAfter30MinutesWithoutEvents() {
        openDemo();
        accept();
        String visitor = stored("cdp_vid");
        String session = stored("cdp_session").split("\\.")[0];
        browser.navigate().refresh(); // the banner pushes consent onto the queue before cdp.js has loaded
        waitFor("return cdpTracker.hasConsent()");
        leave();
        js("localStorage.setItem('cdp_session', arguments[0] + '.' + (Date.now() - 31 * 60 * 1000))", session);

        openDemo();
        waitFor("return cdpTracker.hasConsent()");
        leave();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> site.events("page_view").size() == 3);
        List<Map<String, Object>> pageViews = site.events("page_view").stream()
                .sorted(Comparator.comparing(e -> Instant.parse((String) e.get("clientTime"))))
                .toList();
        assertThat(pageViews).allMatch(e -> e.get("visitorId").equals(visitor));
        assertThat(pageViews.get(0).get("sessionId")).isEqualTo(session);
        assertThat(pageViews.get(1).get("sessionId"))
                .as("the next page, a moment later")
                .isEqualTo(session);
        assertThat((String) pageViews.get(2).get("sessionId"))
                .as("after 31 minutes without events")
                .matches(ID)
                .isNotEqualTo(session);
    }

    @Test
    void theDocumentedEmbeddingWorksFromAnotherHostWithoutAPreflight() {
        browser.get(site.url("/shop/embed.html")); // loads cdp.js from the other origin, consent queued before
        waitFor("return window.cdpTracker !== undefined && cdpTracker.hasConsent()");

        click("[data-cdp-track='signup']", 18); // with the page view and the custom event, a full batch

        await().atMost(Duration.ofSeconds(10)).until(() -> site.collects().size() == 1);
        Received batch = site.collects().getFirst();
        assertThat(batch.headers().get("host")).isEqualTo(site.otherOrigin().substring("http://".length()));
        assertThat(batch.headers().get("origin")).isEqualTo(site.url(""));
        assertThat(batch.path()).isEqualTo("/api/v1/collect/site_embedding_test");
        assertThat(batch.headers().get("content-type")).isEqualTo("text/plain;charset=UTF-8");
        assertThat(site.requests()).noneMatch(r -> r.method().equals("OPTIONS"));
        assertWellFormed(batch.events());
        assertThat(site.events("custom")).singleElement().satisfies(custom -> {
            assertThat(custom.get("name")).isEqualTo("plan_chosen");
            assertThat(custom.get("properties")).isEqualTo(Map.of("plan", "basic", "seats", 3, "trial", true));
        });
        assertThat(storedKeys()).as("first party: the website's own storage").containsExactly("cdp_session", "cdp_vid");
    }

    private void assertWellFormed(List<Map<String, Object>> events) {
        assertThat(events).isNotEmpty().allSatisfy(event -> {
            String type = (String) event.get("type");
            assertThat(FIELDS_OF_TYPE).containsKey(type);
            assertThat(event.keySet())
                    .as("fields of %s", type)
                    .containsAll(COMMON_FIELDS)
                    .allMatch(field -> COMMON_FIELDS.contains(field)
                            || FIELDS_OF_TYPE.get(type).contains(field))
                    .doesNotContain("subjectId");
            assertThat((String) event.get("visitorId")).matches(ID);
            assertThat((String) event.get("sessionId")).matches(ID);
            assertThat((String) event.get("clientTime")).endsWith("Z");
        });
    }

    private void openDemo() {
        browser.get(site.url(DEMO));
        waitFor("return window.cdpTracker !== undefined");
    }

    private void accept() {
        browser.findElement(By.id("consent-accept")).click();
        waitFor("return cdpTracker.hasConsent()");
    }

    /** Navigating elsewhere hides the page, as closing it does. */
    private void leave() {
        browser.get(site.url("/shop/left.html"));
    }

    private void click(String selector, int times) {
        for (int i = 0; i < times; i++) {
            browser.findElement(By.cssSelector(selector)).click();
        }
    }

    /**
     * Scrolls to a position, waits two frames (browsers deliver scroll events once a frame) and returns the part of
     * the page seen so far in percent, rounded, as the tracker measures it.
     */
    private long scrollTo(String position) {
        return (Long) browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "window.scrollTo(0, " + position + ");"
                + "requestAnimationFrame(() => requestAnimationFrame(() => done(Math.min(100, Math.round("
                + "(scrollY + innerHeight) / document.documentElement.scrollHeight * 100)))));");
    }

    private void assertNoMoreCollectsThan(int collects) {
        await().during(QUIET)
                .atMost(QUIET.plusSeconds(2))
                .until(() -> site.collects().size() == collects);
    }

    private void waitFor(String condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> Boolean.TRUE.equals(js(condition)));
    }

    private Object js(String script, Object... arguments) {
        return browser.executeScript(script, arguments);
    }

    @SuppressWarnings("unchecked")
    private List<String> storedKeys() {
        return (List<String>) js("return Object.keys(localStorage).sort()");
    }

    private String stored(String key) {
        return (String) js("return localStorage.getItem(arguments[0])", key);
    }
}
