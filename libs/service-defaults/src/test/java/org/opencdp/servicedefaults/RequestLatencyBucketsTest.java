package org.opencdp.servicedefaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;

class RequestLatencyBucketsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    RequestLatencyBucketsTest() {
        registry.config().meterFilter(new RequestLatencyBuckets().httpServerRequestBuckets());
    }

    @Test
    void theHttpServerRequestTimerGetsBucketsPrometheusCanComputePercentilesFrom() {
        Timer.builder("http.server.requests")
                .tag("uri", "/api/v1/customers")
                .tag("status", "200")
                .register(registry)
                .record(Duration.ofMillis(30));

        String scrape = registry.scrape();

        assertThat(scrape)
                .contains(
                        "http_server_requests_seconds_bucket{status=\"200\",uri=\"/api/v1/customers\",le=\"0.025\",} 0.0")
                .contains(
                        "http_server_requests_seconds_bucket{status=\"200\",uri=\"/api/v1/customers\",le=\"0.05\",} 1.0")
                .contains(
                        "http_server_requests_seconds_bucket{status=\"200\",uri=\"/api/v1/customers\",le=\"10.0\",} 1.0")
                .contains("http_server_requests_seconds_count{status=\"200\",uri=\"/api/v1/customers\",} 1.0");
        assertThat(scrape.lines().filter(l -> l.startsWith("http_server_requests_seconds_bucket")))
                .as("eleven buckets and +Inf")
                .hasSize(12);
    }

    @Test
    void otherTimersKeepWhatTheirOwnersConfigured() {
        Timer.builder("opencdp.consent.decision").register(registry).record(Duration.ofMillis(2));

        assertThat(registry.scrape()).doesNotContain("opencdp_consent_decision_seconds_bucket");
    }
}
