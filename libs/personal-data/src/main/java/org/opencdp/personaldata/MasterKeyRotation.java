package org.opencdp.personaldata;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;

/**
 * Moves every live subject key under the active master key, in batches: shortly after each start (a rotation is a
 * change of the service's Secret and a restart, docs/security.md) and then on a schedule, so keys a replica with the
 * old configuration wrapped meanwhile follow. Replicas may run it at once: each batch locks its rows (SKIP LOCKED).
 */
@ApplicationScoped
public class MasterKeyRotation {

    private static final Logger LOG = Logger.getLogger(MasterKeyRotation.class);

    @Inject
    SubjectKeyVault vault;

    @Inject
    PersonalDataConfig config;

    @Scheduled(
            identity = "master-key-rotation",
            every = "{opencdp.personal-data.rewrap-interval}",
            delayed = "{opencdp.personal-data.rewrap-delay}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            rewrapAll();
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Re-wrapping subject keys under the active master key stopped: %s",
                    e.getClass().getName());
        }
    }

    /** Re-wraps until no live key is under an older master key; returns how many keys moved. */
    public long rewrapAll() {
        long moved = 0;
        for (int batch; (batch = vault.rewrapUnderActiveMasterKey(config.rewrapBatchSize())) > 0; ) {
            moved += batch;
        }
        if (moved > 0) {
            LOG.infof(
                    "Re-wrapped %d subject keys under master key %s; none remains under an older one",
                    moved, vault.keys().activeMasterKeyId());
        }
        return moved;
    }
}
