package org.opencdp.webhookauth;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;

/** Forgets accepted signatures once their window is over, and Zammad delivery ids after their retention. */
@ApplicationScoped
public class WebhookMemory {

    private static final Logger LOG = Logger.getLogger(WebhookMemory.class);

    @Inject
    IntegrationRepository repository;

    @Inject
    WebhookAuthSettings settings;

    @Inject
    Clock clock;

    @Scheduled(identity = "webhook-auth-forget", every = "5m", concurrentExecution = ConcurrentExecution.SKIP)
    void forget() {
        try {
            repository.forgetSignatures(clock.instant());
            repository.forgetDeliveries(clock.instant().minus(settings.deliveryRetention()));
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Forgetting old webhook signatures and deliveries failed: %s",
                    e.getClass().getName());
        }
    }
}
