package org.opencdp.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The browser lifecycle of a browser test: a test, or its {@code @BeforeEach} method, that takes a {@link ChromeDriver}
 * parameter gets a {@link HeadlessChromium} with a fresh profile of its own, one per test. JUnit quits it and deletes
 * the profile when the test ends, passed or failed (the browser lives in the test's store, which JUnit closes).
 *
 * <pre>{@code
 * @ExtendWith(HeadlessChromiumExtension.class)
 * class SomeBrowserTest {
 *     private ChromeDriver browser;
 *
 *     @BeforeEach
 *     void open(ChromeDriver started) {
 *         browser = started;
 *     }
 * }
 * }</pre>
 */
public final class HeadlessChromiumExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(HeadlessChromiumExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ChromeDriver.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE)
                .computeIfAbsent(Session.class, key -> Session.start(), Session.class)
                .driver();
    }

    /** A running browser and its profile directory; closed by JUnit with the test's store. */
    private record Session(ChromeDriver driver, Path profile) implements AutoCloseable {

        static Session start() {
            Path profile;
            try {
                profile = Files.createTempDirectory("chromium-profile");
            } catch (IOException e) {
                throw new UncheckedIOException("could not create a browser profile directory", e);
            }
            return new Session(HeadlessChromium.start(profile), profile);
        }

        @Override
        public void close() throws IOException {
            try {
                driver.quit();
            } finally {
                try (Stream<Path> files = Files.walk(profile)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
    }
}
