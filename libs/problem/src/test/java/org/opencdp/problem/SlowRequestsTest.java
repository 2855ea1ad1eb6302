package org.opencdp.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * libs/service-defaults' SlowRequests, in a service: a request over the threshold becomes a flight-recording event
 * with its method, its path with ids replaced and its status, and never its query.
 */
@QuarkusTest
class SlowRequestsTest {

    @Test
    void aSlowRequestIsRecordedWithoutIdsOrQuery() throws Exception {
        Path file = Files.createTempFile("slow-requests", ".jfr");
        try (Recording recording = new Recording()) {
            // Threshold zero: every request counts as slow here, so the test does not depend on timing.
            recording.enable("org.opencdp.HttpRequest").withThreshold(Duration.ZERO);
            recording.start();
            given().queryParam("email", "jane@example.org")
                    .get("/problem-test/missing/" + UUID.randomUUID())
                    .then()
                    .statusCode(404);
            recording.stop();
            recording.dump(file);
        }

        List<RecordedEvent> events = RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals("org.opencdp.HttpRequest"))
                .toList();
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getString("method")).isEqualTo("GET");
            assertThat(event.getString("path")).isEqualTo("/problem-test/missing/{id}");
            assertThat(event.getInt("status")).isEqualTo(404);
        });
        assertThat(Files.readAllBytes(file)).asString().doesNotContain("jane@example.org");
        Files.delete(file);
    }
}
