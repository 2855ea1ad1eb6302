package org.opencdp.behaviour.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.opencdp.behaviour.repository.OrderRepository;

import io.quarkus.scheduler.Scheduled;

/** Deletes orders kept after an erasure once their statutory retention has ended. */
@ApplicationScoped
public class OrderHousekeeping {

    private static final Logger LOG = Logger.getLogger(OrderHousekeeping.class);

    @Inject
    OrderRepository orders;

    @Inject
    Clock clock;

    @Scheduled(
            identity = "order-retention-end",
            cron = "${opencdp.behaviour.orders.housekeeping-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void deleteOrdersPastRetention() {
        int deleted = orders.deleteRetainedBefore(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        if (deleted > 0) {
            LOG.infof("Deleted %d orders whose statutory retention has ended", deleted);
        }
    }
}
