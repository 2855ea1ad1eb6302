package org.opencdp.publicsites;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import io.vertx.ext.web.RoutingContext;

/**
 * The door of every {@link SiteKeyed} endpoint, in this order: a key no site has is a 404, a missing or other
 * origin a 403 (the answer has no CORS headers: the page cannot read it); from then on the page may read the answer:
 * a disabled site is a 403, a site over its rate limit a 429 with {@code Retry-After}. All are problems, and the
 * endpoint never runs, so nothing is stored. Preflights pass the same checks.
 */
@Provider
@SiteKeyed
public class SiteKeyFilter implements ContainerRequestFilter {

    static final String SITE_KEY = "siteKey";

    @Inject
    PublicSites sites;

    @Inject
    RoutingContext routing;

    @Inject
    RequestSite requestSite;

    @Override
    public void filter(ContainerRequestContext request) {
        String siteKey = request.getUriInfo().getPathParameters().getFirst(SITE_KEY);
        if (siteKey == null) {
            throw new IllegalStateException("a @SiteKeyed endpoint needs the path parameter {" + SITE_KEY + "}");
        }
        PublicSite site = sites.forOrigin(siteKey, SiteOrigin.of(routing));
        SiteOrigin.allow(routing);
        sites.admit(site);
        requestSite.set(site);
    }
}
