package org.opencdp.consent.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.opencdp.consent.domain.ConsentState;
import org.opencdp.consent.domain.ConsentStatus;
import org.opencdp.consent.domain.Holder;
import org.opencdp.consent.domain.LedgerEntry;
import org.opencdp.consent.repository.LedgerRepository;
import org.opencdp.consent.repository.OptInMailRepository;
import org.opencdp.consent.repository.OptInTokenRepository;
import org.opencdp.personaldata.PersonalDataCipher;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;

/**
 * Sends the double opt-in confirmation mails. {@link ConsentLedger#record} writes a row to send in the transaction
 * that records the pending entry, so SMTP being down never loses one; this job sends what is due, one mail per
 * transaction with its row locked ({@code FOR UPDATE SKIP LOCKED}: replicas never send the same mail). The token is
 * created right before sending and only its hash is stored: the clear token exists only in memory and in the mail.
 * A failed attempt is retried with a doubling wait; a mail whose pending consent was revoked or replaced is dropped.
 * Addresses and tokens are never logged (only the holder id and the error's class).
 */
@ApplicationScoped
public class OptInMails {

    private static final Logger LOG = Logger.getLogger(OptInMails.class);

    /** Mails sent per round at most, so one round never holds the scheduler thread for long. */
    private static final int ROUND = 100;

    @Inject
    OptInMailRepository mails;

    @Inject
    OptInTokenRepository tokens;

    @Inject
    LedgerRepository ledger;

    @Inject
    DoubleOptIn doubleOptIn;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    Mailer mailer;

    @Inject
    ConsentConfig config;

    @Inject
    Clock clock;

    /** In the caller's transaction: the mail for a pending entry just recorded, due at once. */
    void enqueue(LedgerEntry pending) {
        mails.insert(pending.id(), pending.holder(), Instant.now(clock));
    }

    @Scheduled(
            identity = "opt-in-mails",
            every = "{opencdp.consent.opt-in-mail.interval}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void sendDue() {
        for (int i = 0; i < ROUND; i++) {
            if (!QuarkusTransaction.requiringNew().call(this::sendNext)) {
                return;
            }
        }
    }

    /** Sends (or reschedules) the next due mail; false when none was due. */
    boolean sendNext() {
        Instant now = Instant.now(clock);
        Optional<OptInMailRepository.Due> next = mails.lockNextDue(now);
        if (next.isEmpty()) {
            return false;
        }
        OptInMailRepository.Due due = next.get();
        LedgerEntry pending = ledger.entry(due.pendingEntryId()).orElse(null);
        if (pending == null || !stillPending(pending)) {
            mails.delete(due.pendingEntryId());
            return true;
        }
        String token = doubleOptIn.issue(pending.id());
        try {
            mailer.send(mail(pending, token));
            mails.markSent(pending.id(), now);
        } catch (RuntimeException e) {
            // The link in a mail that was not sent must not work: its token goes with it.
            tokens.take(DoubleOptIn.hash(token));
            Duration wait = backoff(due.attempts());
            mails.retryAt(pending.id(), now.plus(wait));
            LOG.warnf(
                    "Double opt-in mail for holder %s not sent (attempt %d, %s); next try in %s",
                    pending.holder().id(),
                    due.attempts() + 1,
                    rootCause(e).getClass().getName(),
                    wait);
        }
        return true;
    }

    /** The error's class says why (connection refused, authentication); its message may quote the recipient. */
    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private boolean stillPending(LedgerEntry pending) {
        ConsentState state = ledger.state(pending.holder(), pending.purposeId()).orElse(null);
        return state != null
                && state.status() == ConsentStatus.PENDING
                && state.entryId().equals(pending.id());
    }

    Duration backoff(int failedBefore) {
        Duration wait = config.optInMail().retryInitial().multipliedBy(1L << Math.min(failedBefore, 20));
        return wait.compareTo(config.optInMail().retryMax()) > 0
                ? config.optInMail().retryMax()
                : wait;
    }

    private Mail mail(LedgerEntry pending, String token) {
        Holder holder = pending.holder();
        String address = cipher.decrypt(holder.id(), ConsentLedger.EMAIL_FIELD, pending.encryptedEmail());
        String link = config.publicBaseUrl().replaceAll("/+$", "") + "/api/v1/public/double-opt-in/" + token;
        String hours = Long.toString(config.optInTokenLifetime().toHours());
        return "de".equals(pending.language())
                ? Mail.withText(
                        address,
                        "Bitte bestätigen Sie Ihre Anmeldung",
                        "Bitte bestätigen Sie Ihre Einwilligung (" + pending.purposeId() + ") mit diesem Link:\n\n"
                                + link + "\n\nDer Link gilt " + hours + " Stunden und nur einmal. Wenn Sie sich nicht "
                                + "angemeldet haben, ignorieren Sie diese Nachricht; es wird nichts gesendet.\n")
                : Mail.withText(
                        address,
                        "Please confirm your subscription",
                        "Please confirm your consent (" + pending.purposeId() + ") with this link:\n\n" + link
                                + "\n\nThe link works once, for " + hours + " hours. If you did not sign up, ignore "
                                + "this message; nothing will be sent to you.\n");
    }
}
