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

    /**
     * Where people reach this service's public endpoints: the double opt-in mails link to
     * {@code {public-base-url}/api/v1/public/double-opt-in/{token}}.
     */
    String publicBaseUrl();

    /** Sending the double opt-in mails. */
    OptInMail optInMail();

    interface OptInMail {
        /** How often the sender looks for due mails (the scheduler's {@code every}; {@code off} stops it). */
        @WithDefault("10s")
        String interval();

        /** The wait after the first failed attempt (SMTP down); it doubles with every further failure. */
        @WithDefault("PT30S")
        Duration retryInitial();

        /** The longest wait between two attempts. */
        @WithDefault("PT1H")
        Duration retryMax();
    }

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
