package org.opencdp.webhookauth;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of libs/webhook-auth ({@code opencdp.webhook-auth.*}). */
@ConfigMapping(prefix = "opencdp.webhook-auth")
public interface WebhookAuthSettings {

    /** How far a generic request's timestamp may be from the service's clock, either way. */
    @WithDefault("5M")
    Duration replayWindow();

    /** How long a Zammad delivery id and its answer are kept; Zammad retries for far less than this. */
    @WithDefault("P7D")
    Duration deliveryRetention();
}
