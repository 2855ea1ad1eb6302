package org.opencdp.tracking.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * CORS for the collect endpoint, whose allowed origins are per website (the site's settings), not the service's
 * fixed list for frontends. Runs before the shared CORS filter (priority 300): takes the {@code Origin} header off a
 * collect request, so that the shared filter lets it pass, and keeps it for {@link CollectResource}, which checks
 * it against the site. Once the resource has found the origin allowed, the answer, also a problem or a 503, carries
 * {@code Access-Control-Allow-Origin} and exposes {@code Retry-After} (the tracker can read neither otherwise).
 */
@ApplicationScoped
public class CollectOrigin {

    static final String PATH = "/api/v1/collect/";
    private static final String ORIGIN = "opencdp.collect.origin";
    private static final String ALLOWED = "opencdp.collect.origin-allowed";

    /** Above the shared CORS filter's priority (300), so that it runs first. */
    static final int PRIORITY = 400;

    void register(@Observes Filters filters) {
        filters.register(CollectOrigin::takeOrigin, PRIORITY);
    }

    static void takeOrigin(RoutingContext context) {
        String origin = context.request().getHeader(HttpHeaders.ORIGIN);
        if (origin != null && context.normalizedPath().startsWith(PATH)) {
            context.put(ORIGIN, origin);
            context.request().headers().remove(HttpHeaders.ORIGIN);
            context.addHeadersEndHandler(done -> {
                context.response().headers().add(HttpHeaders.VARY, "Origin");
                if (Boolean.TRUE.equals(context.get(ALLOWED))) {
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
