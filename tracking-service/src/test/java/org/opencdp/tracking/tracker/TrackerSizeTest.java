package org.opencdp.tracking.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

/**
 * The tracker loads on every page of a website, so it must stay small: the minified file that tracking-service serves
 * (built from src/main/tracker/cdp.js) under 5 kB, and under 2.5 kB as gzip sends it.
 */
class TrackerSizeTest {

    static final String SERVED_TRACKER = "META-INF/resources/tracker/v1/cdp.js";

    @Test
    void theServedTrackerIsUnder5kBMinifiedAndUnder2500BytesGzipped() throws IOException {
        byte[] minified = servedTracker();
        byte[] gzipped = gzip(minified);
        System.out.printf(
                "tracker /tracker/v1/cdp.js: %d bytes minified, %d bytes gzip%n", minified.length, gzipped.length);

        assertThat(minified.length).as("bytes of the minified tracker").isLessThan(5_120);
        assertThat(gzipped.length).as("bytes of the gzipped tracker").isLessThan(2_560);
    }

    @Test
    void theServedTrackerIsTheMinifiedBuildNotTheReadableSource() throws IOException {
        String served = new String(servedTracker(), StandardCharsets.UTF_8);

        assertThat(served)
                .doesNotContain("/*")
                .doesNotContain("SESSION_TIMEOUT_MS")
                .contains("/api/v1/collect/");
    }

    static byte[] servedTracker() throws IOException {
        try (InputStream in = TrackerSizeTest.class.getClassLoader().getResourceAsStream(SERVED_TRACKER)) {
            assertThat(in)
                    .as("%s on the classpath (the build minifies src/main/tracker/cdp.js into it)", SERVED_TRACKER)
                    .isNotNull();
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }
}
