package org.opencdp.consent.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the cookie-banner side ({@code opencdp.consent.banner.*}, documented in application.properties). */
@ConfigMapping(prefix = "opencdp.consent.banner")
public interface BannerSettings {

    /** The language a banner is shown in when a purpose has no text in the one asked for. */
    @WithDefault("de")
    String defaultLanguage();

    /** Whether /consent/banner-demo.html is served: the local run and tests only, never production. */
    @WithDefault("false")
    boolean demoPage();

    /** Where the demo page loads the tracker from (tracking-service as the browser reaches it). */
    @WithDefault("http://localhost:8083")
    String demoTrackingUrl();
}
