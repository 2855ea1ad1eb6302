package org.opencdp.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Once shutdown begins, every new request is answered 503 (a problem document, {@code Connection: close},
 * {@code Retry-After}) before any handler runs; the requests already in flight are finished and answered.
 *
 * <p>Why Quarkus's own graceful shutdown is not enough: after SIGTERM it keeps carrying out new requests (it only
 * adds {@code Connection: close} to their answers) and waits until the number in flight first reaches zero. A
 * request that arrives after that moment is still carried out while the HTTP server closes, and its connection can
 * close before the answer is written: stored, but the client saw no answer and may send it again. With this gate no
 * request is carried out that Quarkus does not wait for.
 *
 * <p>The gate closes on {@link ShutdownDelayInitiatedEvent}, which Quarkus fires synchronously in the first phase of
 * its shutdown, before it waits for the requests in flight; libs/service-defaults enables the event
 * ({@code quarkus.shutdown.delay-enabled=true}) without an in-JVM delay. A request counts as in flight for Quarkus
 * before it reaches this route, so one that passed the gate before it closed is always one Quarkus waits for.
 */
@ApplicationScoped
public class ShutdownGate {

    /** Before every route that reads a body or runs application code. */
    static final int ORDER = RouteConstants.ROUTE_ORDER_BODY_HANDLER + 1;

    /** Seconds a client should wait before sending the request again (another replica answers it meanwhile). */
    static final String RETRY_AFTER = "1";

    private volatile boolean closed;

    @Inject
    RouteProblems problems;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::admit);
    }

    void close(@Observes ShutdownDelayInitiatedEvent shutdownBegins) {
        closed = true;
    }

    void admit(RoutingContext context) {
        if (!closed) {
            context.next();
            return;
        }
        context.response().putHeader(HttpHeaderNames.RETRY_AFTER, RETRY_AFTER);
        problems.refuse(
                context,
                ProblemType.SERVICE_UNAVAILABLE,
                "This instance of the service is shutting down; send the request again.",
                context.request().path());
    }
}
