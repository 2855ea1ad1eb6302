package org.opencdp.retention.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.opencdp.retention.domain.RequestState;
import org.opencdp.retention.repository.RequestRepository;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * {@code opencdp_subject_requests_open{state, overdue}}: the open data-subject requests by state, and whether they
 * are past their due date, read from the database at each scrape so that every replica reports the same numbers.
 */
@ApplicationScoped
public class OpenRequestsGauge {

    @Inject
    MeterRegistry metrics;

    @Inject
    RequestRepository requests;

    @Inject
    Clock clock;

    void onStart(@Observes StartupEvent started) {
        for (RequestState state : RequestState.OPEN) {
            for (boolean overdue : new boolean[] {false, true}) {
                Gauge.builder("opencdp.subject.requests.open", () -> count(state, overdue))
                        .description("Open data-subject requests by state; overdue=true: past their due date")
                        .tag("state", state.name())
                        .tag("overdue", Boolean.toString(overdue))
                        .register(metrics);
            }
        }
    }

    private long count(RequestState state, boolean overdue) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return QuarkusTransaction.requiringNew().call(() -> requests.countOpen(state, overdue, today));
    }
}
