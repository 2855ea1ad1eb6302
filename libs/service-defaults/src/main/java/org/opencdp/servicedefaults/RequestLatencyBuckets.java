package org.opencdp.servicedefaults;

import java.time.Duration;
import java.util.stream.Stream;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Latency buckets for the HTTP server's request timer ({@code http_server_requests_seconds_bucket}): without them
 * Micrometer publishes only count, sum and max, and the dashboards and the p99 alert (helm/opencdp) could not compute
 * percentiles over all replicas. A dozen fixed buckets rather than Micrometer's percentile histogram (about seventy
 * per series), since the timer has one series per path, method and status.
 */
public class RequestLatencyBuckets {

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    static final Duration[] BUCKETS = Stream.of(5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000)
            .map(Duration::ofMillis)
            .toArray(Duration[]::new);

    @Produces
    @Singleton
    MeterFilter httpServerRequestBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(HTTP_SERVER_REQUESTS)) {
                    return config;
                }
                // A timer's objectives are in nanoseconds.
                double[] nanos =
                        Stream.of(BUCKETS).mapToDouble(Duration::toNanos).toArray();
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(nanos)
                        .build()
                        .merge(config);
            }
        };
    }
}
