package org.opencdp.consent.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.opencdp.consent.domain.Channel;
import org.opencdp.consent.domain.ConsentStatus;
import org.opencdp.consent.domain.Holder;
import org.opencdp.consent.domain.PurposeVersion;
import org.opencdp.consent.domain.RecordConsent;
import org.opencdp.consent.domain.RecordedBy;
import org.opencdp.consent.domain.RecordedConsent;
import org.opencdp.problem.ProblemException;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;

/** The double opt-in contract the public side's mail and confirmation endpoint build on. */
@QuarkusTest
@WithPostgres
class DoubleOptInTest {

    private static final RecordedBy SHOP = new RecordedBy(RecordedBy.Kind.SERVICE, "shop-backend");

    @Inject
    ConsentLedger ledger;

    @Inject
    DoubleOptIn doubleOptIn;

    @Inject
    PurposeCatalog catalog;

    private RecordedConsent subscribe(Holder holder) {
        PurposeVersion version =
                catalog.version("newsletter", catalog.get("newsletter").latestVersion());
        return ledger.record(
                new RecordConsent(
                        holder,
                        "newsletter",
                        version.version(),
                        "en",
                        version.text("en").orElseThrow().hash(),
                        Channel.WEB_FORM,
                        null,
                        "erika.optin@example.de"),
                SHOP);
    }

    @Test
    void aRedeemedTokenConfirmsThePendingConsentOnce() {
        Holder holder = Holder.subject(UUID.randomUUID());
        RecordedConsent pending = subscribe(holder);
        assertThat(pending.status()).isEqualTo(ConsentStatus.PENDING);
        assertThat(pending.optInToken()).hasSize(43);
        assertThat(pending.toString()).doesNotContain(pending.optInToken());
        assertThat(TestDatabase.count(
                        "SELECT count(*) FROM opt_in_token WHERE token_hash = sha256(?::bytea)", pending.optInToken()))
                .as("only the hash is stored")
                .isOne();

        RecordedConsent confirmed = doubleOptIn.confirm(pending.optInToken(), SHOP);

        assertThat(confirmed.status()).isEqualTo(ConsentStatus.GRANTED);
        assertThat(TestDatabase.rows("SELECT action, refers_to FROM consent_entry WHERE id = ?", confirmed.entryId())
                        .getFirst())
                .containsEntry("action", "CONFIRM")
                .containsEntry("refers_to", pending.entryId());
        long entries = TestDatabase.count("SELECT count(*) FROM consent_entry");
        assertThatThrownBy(() -> doubleOptIn.confirm(pending.optInToken(), SHOP))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("used already");
        assertThat(TestDatabase.count("SELECT count(*) FROM consent_entry")).isEqualTo(entries);
    }

    @Test
    void anExpiredTokenConfirmsNothing() {
        Holder holder = Holder.subject(UUID.randomUUID());
        RecordedConsent pending = subscribe(holder);
        TestDatabase.execute(
                "UPDATE opt_in_token SET expires_at = now() - interval '1 minute' WHERE pending_entry_id = ?",
                pending.entryId());
        long entries = TestDatabase.count("SELECT count(*) FROM consent_entry");
        assertThatThrownBy(() -> doubleOptIn.confirm(pending.optInToken(), SHOP))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("expired");
        assertThat(TestDatabase.count("SELECT count(*) FROM consent_entry")).isEqualTo(entries);
    }

    @Test
    void aTokenOfARevokedSubscriptionConfirmsNothing() {
        Holder holder = Holder.subject(UUID.randomUUID());
        RecordedConsent pending = subscribe(holder);
        ledger.revoke(holder, List.of("newsletter"), Channel.WEB_FORM, null, SHOP);
        assertThatThrownBy(() -> doubleOptIn.confirm(pending.optInToken(), SHOP))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("withdrawn");
        assertThatThrownBy(() -> doubleOptIn.confirm("made-up", SHOP)).isInstanceOf(ProblemException.class);
    }
}
