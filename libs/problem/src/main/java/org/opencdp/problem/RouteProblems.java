package org.opencdp.problem;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a request from a Vert.x route, before any endpoint runs ({@link HttpLimits}, {@link ShutdownGate}): the
 * problem document as the answer, the rest of the request (its body) never read, the connection closed after the
 * answer.
 */
@ApplicationScoped
class RouteProblems {

    @Inject
    ObjectMapper json;

    /** Answers the problem; headers set on the response before (e.g. {@code Retry-After}) go with it. */
    void refuse(RoutingContext context, ProblemType type, String detail, String instance) {
        Problem problem = new Problem(type.uri(), type.title(), type.status(), detail, instance, List.of());
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem document could not be written", e);
        }
        HttpServerResponse response = context.response();
        response.setStatusCode(type.status())
                .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaderNames.CONNECTION, "close")
                .endHandler(done -> context.request().connection().close())
                .end(body);
    }
}
