package org.opencdp.servicedefaults;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;

/**
 * Puts every HTTP request slower than 5 ms into a running flight recording (JFR) as an event of its own, so that a
 * latency tail can be laid beside what the JVM did at the same time: collections, safepoints, waits for the database
 * (bench/README.md, issue 8). Costs nothing measurable without a recording. The event holds the method, the path with
 * ids replaced by {@code {id}} (never the query, which may carry personal data) and the status.
 */
@ApplicationScoped
public class SlowRequests {

    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_RECORD_START_TIME + 1).handler(SlowRequests::time);
    }

    private static void time(RoutingContext context) {
        HttpRequestEvent event = new HttpRequestEvent();
        if (event.isEnabled()) {
            event.begin();
            context.addEndHandler(done -> {
                event.end();
                if (event.shouldCommit()) {
                    event.method = context.request().method().name();
                    event.path = UUID.matcher(context.request().path()).replaceAll("{id}");
                    event.status = context.response().getStatusCode();
                    event.commit();
                }
            });
        }
        context.next();
    }

    @Name("org.opencdp.HttpRequest")
    @Label("Slow HTTP request")
    @Description("An HTTP request of an OpenCDP service that took longer than the threshold, from arrival to answer")
    @Category("OpenCDP")
    @Threshold("5 ms")
    @StackTrace(false)
    static class HttpRequestEvent extends Event {
        @Label("Method")
        String method;

        @Label("Path")
        String path;

        @Label("Status")
        int status;
    }
}
