package org.opencdp.retention.service;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * The daily purge ({@code opencdp.retention.purge.cron}, 03:30 by default): first the participants that did not
 * answer a recent run (or were never asked, because retention-service stopped during the run) are asked again, then
 * today's run starts. One run per day however many replicas fire.
 */
@ApplicationScoped
public class PurgeSchedule {

    private static final Logger LOG = Logger.getLogger(PurgeSchedule.class);

    @Inject
    PurgeRuns runs;

    @Inject
    Clock clock;

    @ConfigProperty(name = "opencdp.retention.purge.scheduled-dry-run")
    boolean dryRun;

    @Scheduled(
            identity = "retention-purge",
            cron = "{opencdp.retention.purge.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        runs.retryRecentRuns();
        if (!runs.startScheduled(dryRun, LocalDate.now(clock))) {
            LOG.info("Today's purge run was started by another replica");
        }
    }
}
