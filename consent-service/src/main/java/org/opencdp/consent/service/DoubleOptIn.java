package org.opencdp.consent.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opencdp.consent.domain.ConsentAction;
import org.opencdp.consent.domain.ConsentState;
import org.opencdp.consent.domain.ConsentStatus;
import org.opencdp.consent.domain.LedgerEntry;
import org.opencdp.consent.domain.RecordedBy;
import org.opencdp.consent.domain.RecordedConsent;
import org.opencdp.consent.repository.LedgerRepository;
import org.opencdp.consent.repository.OptInTokenRepository;
import org.opencdp.outbox.TimeOrderedIds;
import org.opencdp.problem.ProblemException;

/**
 * Double opt-in: a grant of a purpose that needs it is recorded as GRANT_PENDING and gets a token (256 random bits,
 * base64url, only its SHA-256 stored, single use, valid for {@code opencdp.consent.opt-in-token-lifetime}) when
 * {@link OptInMails} sends the confirmation mail; redeeming it with {@link #confirm} records a CONFIRM entry that
 * points to the pending one, and the consent is in force from then.
 */
@ApplicationScoped
public class DoubleOptIn {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    OptInTokenRepository tokens;

    @Inject
    LedgerRepository ledger;

    @Inject
    ConsentAudit audit;

    @Inject
    ConsentConfig config;

    @Inject
    Clock clock;

    /** A new token for a pending entry, valid from now; the caller's transaction stores its hash. */
    String issue(UUID pendingEntryId) {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        tokens.insert(hash(token), pendingEntryId, Instant.now(clock).plus(config.optInTokenLifetime()));
        return token;
    }

    /**
     * Redeems a token: the pending consent it belongs to comes into force. An unknown, used or expired token, or
     * one whose pending consent was revoked or replaced since, is a 422 and changes nothing.
     */
    @Transactional
    public RecordedConsent confirm(String token, RecordedBy by) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw ProblemException.unprocessable("This confirmation link is not valid.");
        }
        OptInTokenRepository.Taken taken = tokens.take(hash(token))
                .orElseThrow(() ->
                        ProblemException.unprocessable("This confirmation link is not valid or was used already."));
        Instant now = Instant.now(clock);
        if (!taken.expiresAt().isAfter(now)) {
            throw ProblemException.unprocessable("This confirmation link has expired; please subscribe again.");
        }
        LedgerEntry pending = ledger.entry(taken.pendingEntryId())
                .orElseThrow(() -> ProblemException.unprocessable("This confirmation link is not valid."));
        ledger.lock(pending.holder(), List.of(pending.purposeId()));
        ConsentState state = ledger.state(pending.holder(), pending.purposeId()).orElse(null);
        if (state == null
                || state.status() != ConsentStatus.PENDING
                || !state.entryId().equals(pending.id())) {
            throw ProblemException.unprocessable(
                    "This subscription was withdrawn or replaced since the link was sent.");
        }
        LedgerEntry confirm = new LedgerEntry(
                TimeOrderedIds.next(),
                0,
                pending.holder(),
                ConsentAction.CONFIRM,
                pending.purposeId(),
                pending.purposeVersion(),
                pending.language(),
                pending.textHash(),
                pending.channel(),
                now,
                by,
                null,
                pending.id(),
                null,
                null,
                null);
        long sequence = ledger.append(confirm);
        ledger.advance(
                new ConsentState(pending.holder(), pending.purposeId(), ConsentStatus.GRANTED, confirm.id(), sequence));
        audit.record(by, pending.holder().id(), "consent.confirm");
        return new RecordedConsent(confirm.id(), sequence, ConsentStatus.GRANTED);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
