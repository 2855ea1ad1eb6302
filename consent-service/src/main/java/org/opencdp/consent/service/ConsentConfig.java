package org.opencdp.consent.service;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** consent-service's own settings ({@code opencdp.consent.*}). */
@ConfigMapping(prefix = "opencdp.consent")
public interface ConsentConfig {

    /** How long a double opt-in token can be redeemed. */
    @WithDefault("PT72H")
    Duration optInTokenLifetime();

    /** The legal hold on an erased subject's ledger entries. */
    LegalHold legalHold();

    interface LegalHold {
        /**
         * Years after the end of the year of the subject's last entry (BGB §§195, 199: the regular limitation period
         * of three years starts at the end of the year the claim arose). Review with legal counsel.
         */
        @WithDefault("3")
        int years();
    }
}
