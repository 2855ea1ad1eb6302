package org.opencdp.publicsites;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of libs/public-sites ({@code opencdp.public-sites.*}; the defaults are in libs/service-defaults). */
@ConfigMapping(prefix = "opencdp.public-sites")
public interface PublicSitesSettings {

    /**
     * Path prefixes of the service's site-keyed public endpoints, e.g. {@code /api/v1/collect/}: their CORS is the
     * site's, not the service's list for frontends.
     */
    List<String> paths();

    /** A site's limit when its registration names none. */
    @WithDefault("600")
    int defaultRequestsPerMinute();

    /** How long a browser may remember a preflight's answer. */
    @WithDefault("1H")
    Duration preflightMaxAge();

    /** The demo site ({@code site_demo}) for these origins, registered at start; never set in production. */
    Optional<List<String>> demoSiteOrigins();
}
