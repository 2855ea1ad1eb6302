package org.opencdp.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, driven through Debian's chromedriver, headless, English and with a profile of its own: the one
 * browser of the browser tests (tracking-service's tracker, the demo pages in e2e). A test quits it after each test;
 * {@link HeadlessChromiumExtension} does that for a test class.
 * Selenium is an optional dependency of this library: a module that drives a browser declares selenium-java itself.
 */
public final class HeadlessChromium {

    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {}

    /**
     * Starts the browser with {@code profile} (a test's temporary directory) as its user data. Fails (never skips)
     * when chromium is missing: what the pages and the tracker promise is only tested in a real browser.
     */
    public static ChromeDriver start(Path profile) {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            fail("The browser tests drive Debian's chromium, and " + BROWSER + " or " + DRIVER
                    + " is missing. Install them with scripts/prerequisites (as root) or"
                    + " 'sudo apt-get install chromium chromium-driver', then run the tests again.");
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(BROWSER.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        // Pages that choose their texts by navigator.language (the cookie banner demo) show English.
                        "--lang=en-US",
                        "--window-size=1280,800",
                        "--user-data-dir=" + profile);
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(driver, options);
    }
}
