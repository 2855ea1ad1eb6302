package org.opencdp.outbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
 * A 2xx answer marks the batch delivered; anything else (an error status, a timeout, no token from the realm)
 * counts as a failed attempt and the batch is retried after a backoff, so nothing is lost while a subscriber is
 * down. Subscribers must therefore be idempotent ({@link Inbox}).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String SUBSCRIBER_NAME = "[a-z][a-z0-9]{0,49}";

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

    /** Refuses to start with a subscriber name the delivery table cannot hold, and publishes the queue lengths. */
    void onStart(@Observes StartupEvent started) {
        for (String subscriber : config.subscribers().keySet()) {
            if (!subscriber.matches(SUBSCRIBER_NAME)) {
                throw new IllegalStateException("opencdp.outbox.subscribers." + subscriber + ": a subscriber's name "
                        + "must be 1-50 lower-case letters or digits, starting with a letter");
            }
            Gauge.builder("opencdp.outbox.pending", () -> queue.pending(subscriber))
                    .description("Events not yet accepted by the subscriber")
                    .tag("subscriber", subscriber)
                    .register(metrics);
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

    /** Sends one batch; returns its size if it was accepted, 0 if nothing was due or it failed. */
    int sendNextBatch(String name, OutboxConfig.Subscriber subscriber) {
        Duration lease = config.requestTimeout().multipliedBy(2).plusSeconds(5);
        List<EventEnvelope> batch = queue.lease(name, config.batchSize(), lease);
        if (batch.isEmpty()) {
            return 0;
        }
        String failure = send(subscriber.url(), subscriber.audience().orElse(ServiceTokens.audienceOf(name)), batch);
        if (failure == null) {
            queue.delivered(name, batch);
            metrics.counter("opencdp.outbox.delivered", "subscriber", name).increment(batch.size());
            return batch.size();
        }
        queue.failed(name, batch, failure, config.initialBackoff(), config.maxBackoff());
        metrics.counter("opencdp.outbox.failed.attempts", "subscriber", name).increment();
        LOG.warnf(
                "Outbox delivery of %d event(s) to %s failed (%s); retrying after a backoff",
                batch.size(), name, failure);
        return 0;
    }

    /**
     * Null on success, else what went wrong as an HTTP status or an exception class: never a response body or an
     * exception message, which may echo the payload.
     */
    private String send(String url, String audience, List<EventEnvelope> batch) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(config.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + tokens.accessToken(audience))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(batch)))
                    .build();
            int status =
                    http().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? null : "HTTP " + status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.getClass().getName();
        } catch (Exception e) {
            return e.getClass().getName();
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
}
