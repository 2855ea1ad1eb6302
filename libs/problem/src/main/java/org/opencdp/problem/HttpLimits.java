package org.opencdp.problem;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Requests over the HTTP layer's limits get problem documents like every other error, where Quarkus and Vert.x
 * would answer with an empty body: 413 for a declared body over {@code quarkus.http.limits.max-body-size}, 414 for
 * a request target longer than {@code opencdp.http.max-uri-length}, 431 for headers larger than
 * {@code opencdp.http.max-header-size} in total.
 *
 * <p>Quarkus checks a declared body size in a route; this route runs just before it. A chunked body declares no
 * size: Quarkus would count it while RESTEasy reads it and close the connection with an empty 413, so this route
 * reads such a body itself, up to the limit (Vert.x's {@link BodyHandler}, which RESTEasy then takes the body
 * from), and answers with the problem when it grows over. Vert.x refuses an over-long request line or header block
 * before any route, in an invalid-request handler that Quarkus gives no way to replace, so libs/service-defaults
 * sets Vert.x's own limits far above the ones checked here; only a request line or header block over those far
 * higher limits still gets Vert.x's empty answer.
 *
 * <p>The same reading serves endpoints that take many small bodies ({@code opencdp.http.event-loop-body-paths}):
 * a blocking endpoint otherwise reads its body from a stream that the event loop fills chunk by chunk, with a lock
 * and a wake-up of the worker thread per chunk (RESTEasy buffers bodies on the event loop for non-blocking
 * endpoints only). A body read here in full is handed to the endpoint as one array; the endpoint stays blocking.
 * Bodies declared over the limit are refused before anything is read, as on every other path. HTTP/1.1 only: an
 * HTTP/2 request (the JDK's HTTP client upgrades to it, e.g. the outbox relay's deliveries) is read as before.
 */
@ApplicationScoped
public class HttpLimits {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    @ConfigProperty(name = "opencdp.http.max-uri-length")
    int maxUriLength;

    @ConfigProperty(name = "opencdp.http.max-header-size")
    MemorySize maxHeaderSize;

    @ConfigProperty(name = "opencdp.http.event-loop-body-paths")
    Optional<List<String>> eventLoopBodyPaths;

    @Inject
    RouteProblems problems;

    private BodyHandler bodies;

    void install(@Observes Router router) {
        maxBodySize.ifPresent(limit -> bodies = BodyHandler.create(false).setBodyLimit(limit.asLongValue()));
        router.route()
                .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(this::check)
                .failureHandler(this::bodyGrewTooLarge);
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > maxUriLength) {
            // No instance: the path is what is too long, and the query may hold personal data.
            problems.refuse(
                    context,
                    ProblemType.URI_TOO_LONG,
                    "The request target (path and query) is longer than " + maxUriLength + " characters.",
                    null);
        } else if (headerBytes(request) > maxHeaderSize.asLongValue()) {
            problems.refuse(
                    context,
                    ProblemType.HEADERS_TOO_LARGE,
                    "The request headers are larger than " + maxHeaderSize.asLongValue() + " bytes in total.",
                    request.path());
        } else if (maxBodySize.isPresent()
                && declaredBodyLength(request) > maxBodySize.get().asLongValue()) {
            problems.refuse(
                    context,
                    ProblemType.PAYLOAD_TOO_LARGE,
                    "The request body is larger than this service accepts: " + "at most "
                            + maxBodySize.get().asLongValue() + " bytes.",
                    request.path());
        } else if (bodies != null && (isChunked(request) || readsOnEventLoop(request))) {
            bodies.handle(context); // reads the body, then next(), or fail(413) once it grows over the limit
        } else {
            context.next();
        }
    }

    void bodyGrewTooLarge(RoutingContext context) {
        if (context.statusCode() == ProblemType.PAYLOAD_TOO_LARGE.status()
                && !context.response().headWritten()) {
            problems.refuse(
                    context,
                    ProblemType.PAYLOAD_TOO_LARGE,
                    "The request body is larger than this service accepts: at most "
                            + maxBodySize.orElseThrow().asLongValue() + " bytes.",
                    context.request().path());
        } else {
            context.next();
        }
    }

    /** The header block's size as it came in: each line's name, value, ": " and line break. */
    private static long headerBytes(HttpServerRequest request) {
        long bytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    private boolean readsOnEventLoop(HttpServerRequest request) {
        // Not HTTP/2: Quarkus REST pauses every request it takes, and an HTTP/2 request whose body was read cannot
        // be paused (IllegalStateException "Request has already been read"); such bodies are read as before.
        if (eventLoopBodyPaths.isEmpty()
                || request.version() == HttpVersion.HTTP_2
                || declaredBodyLength(request) <= 0) {
            return false;
        }
        String path = request.path();
        return eventLoopBodyPaths.get().stream().anyMatch(path::startsWith);
    }

    private static boolean isChunked(HttpServerRequest request) {
        String encoding = request.getHeader(HttpHeaderNames.TRANSFER_ENCODING);
        return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }

    private static long declaredBodyLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaderNames.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1; // Vert.x refuses a malformed Content-Length itself.
        }
    }
}
