package org.opencdp.publicsites;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * CORS of the site-keyed public endpoints, whose allowed origins are per website, not the service's fixed list for
 * frontends. Runs before the shared CORS filter (priority 300) on the paths of {@code opencdp.public-sites.paths}:
 * takes the {@code Origin} header off the request, so that the shared filter lets it pass, and keeps it for
 * {@link SiteKeyFilter}, which checks it against the site. Once the origin is found allowed, the answer, also a
 * problem, a 429 or a 503, carries {@code Access-Control-Allow-Origin} and exposes {@code Retry-After} (a page can
 * read neither otherwise). Every answer on these paths varies by origin.
 */
@ApplicationScoped
public class SiteOrigin {

    private static final String ORIGIN = "opencdp.public-site.origin";
    private static final String ALLOWED = "opencdp.public-site.origin-allowed";

    /** Above the shared CORS filter's priority (300), so that it runs first. */
    static final int PRIORITY = 400;

    @Inject
    PublicSitesSettings settings;

    void register(@Observes Filters filters) {
        filters.register(this::takeOrigin, PRIORITY);
    }

    void takeOrigin(RoutingContext context) {
        if (settings.paths().stream().anyMatch(context.normalizedPath()::startsWith)) {
            String sent = context.request().getHeader(HttpHeaders.ORIGIN);
            // A page's GET to its own origin carries no Origin header (Fetch standard); the browser's Sec-Fetch-Site
            // (a header no script can set) says it came from this very origin.
            String origin = sent == null
                            && "same-origin".equals(context.request().getHeader("Sec-Fetch-Site"))
                    ? context.request().scheme() + "://" + context.request().getHeader(HttpHeaders.HOST)
                    : sent;
            context.put(ORIGIN, origin);
            context.request().headers().remove(HttpHeaders.ORIGIN);
            context.addHeadersEndHandler(done -> {
                context.response().headers().add(HttpHeaders.VARY, "Origin");
                if (origin != null && Boolean.TRUE.equals(context.get(ALLOWED))) {
                    context.response()
                            .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                            .putHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "Retry-After");
                }
            });
        }
        context.next();
    }

    /** The request's Origin header, or null if it had none. */
    static String of(RoutingContext context) {
        return context.get(ORIGIN);
    }

    /** The site allows the request's origin: its answer may be read by the page. */
    static void allow(RoutingContext context) {
        context.put(ALLOWED, Boolean.TRUE);
    }
}
