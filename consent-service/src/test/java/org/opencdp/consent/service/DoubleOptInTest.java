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

/** The double opt-in contract the confirmation mail and endpoint build on. */
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
        assertThat(TestDatabase.count("SELECT count(*) FROM opt_in_mail WHERE pending_entry_id = ?", pending.entryId()))
                .as("the mail to send is written with the pending entry")
                .isOne();
        String token = doubleOptIn.issue(pending.entryId());
        assertThat(token).hasSize(43);
        assertThat(TestDatabase.count("SELECT count(*) FROM opt_in_token WHERE token_hash = sha256(?::bytea)", token))
                .as("only the hash is stored")
                .isOne();

        RecordedConsent confirmed = doubleOptIn.confirm(token, SHOP);

        assertThat(confirmed.status()).isEqualTo(ConsentStatus.GRANTED);
        assertThat(TestDatabase.rows("SELECT action, refers_to FROM consent_entry WHERE id = ?", confirmed.entryId())
                        .getFirst())
                .containsEntry("action", "CONFIRM")
                .containsEntry("refers_to", pending.entryId());
        long entries = TestDatabase.count("SELECT count(*) FROM consent_entry");
        assertThatThrownBy(() -> doubleOptIn.confirm(token, SHOP))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("used already");
        assertThat(TestDatabase.count("SELECT count(*) FROM consent_entry")).isEqualTo(entries);
    }

    @Test
    void anExpiredTokenConfirmsNothing() {
        Holder holder = Holder.subject(UUID.randomUUID());
        RecordedConsent pending = subscribe(holder);
        String token = doubleOptIn.issue(pending.entryId());
        TestDatabase.execute(
                "UPDATE opt_in_token SET expires_at = now() - interval '1 minute' WHERE pending_entry_id = ?",
                pending.entryId());
        long entries = TestDatabase.count("SELECT count(*) FROM consent_entry");
        assertThatThrownBy(() -> doubleOptIn.confirm(token, SHOP))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("expired");
        assertThat(TestDatabase.count("SELECT count(*) FROM consent_entry")).isEqualTo(entries);
    }

    @Test
    void aTokenOfARevokedSubscriptionConfirmsNothing() {
        Holder holder = Holder.subject(UUID.randomUUID());
        RecordedConsent pending = subscribe(holder);
        String token = doubleOptIn.issue(pending.entryId());
        ledger.revoke(holder, List.of("newsletter"), Channel.WEB_FORM, null, SHOP);
        assertThatThrownBy(() -> doubleOptIn.confirm(token, SHOP))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("withdrawn");
        assertThatThrownBy(() -> doubleOptIn.confirm("made-up", SHOP)).isInstanceOf(ProblemException.class);
    }
}
