package org.opencdp.outbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.opencdp.servicecalls.ServiceTokens;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;

/**
 * Sends the outbox to the subscribers: every {@code opencdp.outbox.relay-interval}, for each subscriber, due
 * events in batches as a POSTed JSON array of {@link EventEnvelope}s with this service's client-credentials token
 * for the subscriber's audience.
 *
 * <ul>
 *   <li>A 2xx answer marks the batch delivered.
 *   <li>A 4xx answer other than 401, 403, 408 and 429 refuses the content: the batch's events are sent again one by
 *       one, so that only the refused event counts a rejection; after {@code park-after-rejections} of them it is
 *       parked until an operator replays it, and the later events of its subject wait behind it.
 *   <li>Anything else (5xx, 401/403/408/429, a timeout, no token from the realm) is the subscriber's or the
 *       connection's problem: the batch counts a failed attempt and is retried after a backoff, and this replica
 *       pauses the subscriber for as long, so a subscriber that is down gets one request per backoff period.
 * </ul>
 *
 * Nothing is lost while a subscriber is down; subscribers must be idempotent ({@link Inbox}).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String SUBSCRIBER_NAME = "[a-z][a-z0-9]{0,49}";
    /** 4xx answers that say nothing about the event: authentication, authorisation, a timeout, too many requests. */
    private static final Set<Integer> TRANSIENT_CLIENT_ERRORS = Set.of(401, 403, 408, 429);

    @Inject
    OutboxConfig config;

    @Inject
    DeliveryQueue queue;

    @Inject
    ServiceTokens tokens;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry metrics;

    private volatile HttpClient http;

    /** Per subscriber on this replica: failures in a row, and until when it is paused after the last one. */
    private final Map<String, Pause> pauses = new ConcurrentHashMap<>();

    /**
     * Refuses to start with a subscriber name the delivery table cannot hold, and publishes the queue lengths and
     * the parked deliveries.
     */
    void onStart(@Observes StartupEvent started) {
        for (String subscriber : config.subscribers().keySet()) {
            if (!subscriber.matches(SUBSCRIBER_NAME)) {
                throw new IllegalStateException("opencdp.outbox.subscribers." + subscriber + ": a subscriber's name "
                        + "must be 1-50 lower-case letters or digits, starting with a letter");
            }
            Gauge.builder("opencdp.outbox.pending", () -> queue.pending(subscriber))
                    .description("Events not yet accepted by the subscriber, parked ones included")
                    .tag("subscriber", subscriber)
                    .register(metrics);
            Gauge.builder("opencdp.outbox.parked", () -> queue.parked(subscriber))
                    .description("Events the subscriber refused repeatedly, waiting for an operator's replay")
                    .tag("subscriber", subscriber)
                    .register(metrics);
        }
        if (config.parkAfterRejections() < 1) {
            throw new IllegalStateException("opencdp.outbox.park-after-rejections must be 1 or more");
        }
    }

    @Scheduled(
            identity = "outbox-relay",
            every = "{opencdp.outbox.relay-interval}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void relay() {
        for (Map.Entry<String, OutboxConfig.Subscriber> subscriber :
                config.subscribers().entrySet()) {
            try {
                // Drain what is due, batch after batch, as long as the subscriber accepts full batches.
                int sent;
                do {
                    sent = sendNextBatch(subscriber.getKey(), subscriber.getValue());
                } while (sent == config.batchSize());
            } catch (RuntimeException e) {
                LOG.warnf(
                        "Outbox relay to %s stopped this round: %s",
                        subscriber.getKey(), e.getClass().getName());
            }
        }
    }

    /** Sends one batch; returns its size if it was accepted, 0 if nothing was due or it was not accepted. */
    int sendNextBatch(String name, OutboxConfig.Subscriber subscriber) {
        Pause pause = pauses.get(name);
        if (pause != null && Instant.now().isBefore(pause.until())) {
            return 0;
        }
        List<EventEnvelope> batch = queue.lease(name, config.batchSize(), lease());
        if (batch.isEmpty()) {
            return 0;
        }
        Answer answer = send(subscriber, name, batch);
        if (answer.accepted()) {
            accepted(name, batch);
            return batch.size();
        }
        if (answer.rejected()) {
            if (batch.size() == 1) {
                rejected(name, batch.get(0), answer.error());
            } else {
                // The answer does not say which event the subscriber refused: ask about each on its own.
                queue.release(name, batch);
                sendOneByOne(name, subscriber, batch.size());
            }
            return 0;
        }
        failed(name, batch, answer.error());
        return 0;
    }

    private void sendOneByOne(String name, OutboxConfig.Subscriber subscriber, int count) {
        for (int i = 0; i < count; i++) {
            List<EventEnvelope> single = queue.lease(name, 1, lease());
            if (single.isEmpty()) {
                return;
            }
            Answer answer = send(subscriber, name, single);
            if (answer.accepted()) {
                accepted(name, single);
            } else if (answer.rejected()) {
                rejected(name, single.get(0), answer.error());
            } else {
                failed(name, single, answer.error());
                return;
            }
        }
    }

    private void accepted(String name, List<EventEnvelope> batch) {
        queue.delivered(name, batch);
        pauses.remove(name);
        metrics.counter("opencdp.outbox.delivered", "subscriber", name).increment(batch.size());
    }

    private void rejected(String name, EventEnvelope event, String error) {
        metrics.counter("opencdp.outbox.failed.attempts", "subscriber", name).increment();
        boolean parked = queue.rejected(
                name, event, error, config.parkAfterRejections(), config.initialBackoff(), config.maxBackoff());
        if (parked) {
            LOG.warnf(
                    "Outbox event %s (%s, subject %s) parked for %s after %d rejections (%s); later events of the "
                            + "subject wait until an operator replays it",
                    event.id(), event.type(), event.subjectId(), name, config.parkAfterRejections(), error);
        } else {
            LOG.warnf("Outbox event %s refused by %s (%s); retrying after a backoff", event.id(), name, error);
        }
    }

    private void failed(String name, List<EventEnvelope> batch, String error) {
        queue.failed(name, batch, error, config.initialBackoff(), config.maxBackoff());
        metrics.counter("opencdp.outbox.failed.attempts", "subscriber", name).increment();
        Pause previous = pauses.get(name);
        int failures = previous == null ? 1 : previous.failures() + 1;
        pauses.put(name, new Pause(failures, Instant.now().plus(backoff(failures))));
        LOG.warnf(
                "Outbox delivery of %d event(s) to %s failed (%s); retrying after a backoff",
                batch.size(), name, error);
    }

    /** The backoff after {@code failures} failures in a row: the initial one, doubling, at most the maximum. */
    private Duration backoff(int failures) {
        Duration backoff = config.initialBackoff();
        for (int i = 1; i < failures && backoff.compareTo(config.maxBackoff()) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(config.maxBackoff()) < 0 ? backoff : config.maxBackoff();
    }

    private Duration lease() {
        return config.requestTimeout().multipliedBy(2).plusSeconds(5);
    }

    /**
     * The subscriber's answer. The error is an HTTP status or an exception class: never a response body or an
     * exception message, which may echo the payload.
     */
    private Answer send(OutboxConfig.Subscriber subscriber, String name, List<EventEnvelope> batch) {
        String audience = subscriber.audience().orElse(ServiceTokens.audienceOf(name));
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(subscriber.url()))
                    .timeout(config.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + tokens.accessToken(audience))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(batch)))
                    .build();
            int status =
                    http().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return new Answer(status, "HTTP " + status);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, e.getClass().getName());
        } catch (Exception e) {
            return new Answer(0, e.getClass().getName());
        }
    }

    private HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .connectTimeout(config.requestTimeout())
                    .build();
        }
        return http;
    }

    /** An HTTP status (0 when there was no answer) and how it is recorded. */
    private record Answer(int status, String error) {

        boolean accepted() {
            return status / 100 == 2;
        }

        /** The subscriber refused the content itself: sending it again unchanged will not help. */
        boolean rejected() {
            return status / 100 == 4 && !TRANSIENT_CLIENT_ERRORS.contains(status);
        }
    }

    private record Pause(int failures, Instant until) {}
}
