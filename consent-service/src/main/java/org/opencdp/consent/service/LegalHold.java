package org.opencdp.consent.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.opencdp.consent.domain.Holder;
import org.opencdp.consent.repository.LedgerRepository;
import org.opencdp.personaldata.SubjectKeyVault;

import io.quarkus.scheduler.Scheduled;

/**
 * The legal hold on an erased holder's ledger entries (GDPR Art. 17(3)(e): kept as evidence for legal claims) and
 * its end. The hold lasts until the end of the limitation period: {@code opencdp.consent.legal-hold.years} (3) after
 * the end of the year of the holder's last entry (BGB §§195, 199). This retention policy is to be reviewed with legal
 * counsel. Once it has ended, the daily purge deletes the entries and destroys the holder's key.
 */
@ApplicationScoped
public class LegalHold {

    static final String LEGAL_REFERENCE =
            "GDPR Art. 17(3)(e): evidence of consent for legal claims until the limitation period ends (BGB §§195, 199)";

    private static final Logger LOG = Logger.getLogger(LegalHold.class);

    @Inject
    LedgerRepository ledger;

    @Inject
    SubjectKeyVault keys;

    @Inject
    ConsentConfig config;

    @Inject
    Clock clock;

    /** The day a hold ends for a holder whose last entry was recorded at {@code lastEntry}. */
    public LocalDate until(Instant lastEntry) {
        int year = lastEntry.atZone(ZoneOffset.UTC).getYear();
        return LocalDate.of(year + config.legalHold().years(), 12, 31);
    }

    @Scheduled(cron = "0 30 3 * * ?", identity = "consent-legal-hold-purge")
    void purgeDaily() {
        purgeEndedHolds(LocalDate.now(clock));
    }

    /** Deletes the entries of every holder whose hold ended before {@code today}; returns how many holders. */
    @Transactional
    public int purgeEndedHolds(LocalDate today) {
        int purged = 0;
        for (Holder holder : ledger.holdsEndedBefore(today)) {
            int entries = ledger.purge(holder);
            keys.destroy(holder.id());
            LOG.infof("Legal hold ended: deleted %d ledger entries of %s %s", entries, holder.type(), holder.id());
            purged++;
        }
        return purged;
    }
}
