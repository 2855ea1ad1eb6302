package org.opencdp.profile.api;

import org.opencdp.problem.ProblemException;

/**
 * The JSON body of a request, required: an empty body reaches an endpoint as null (after Bean Validation, which
 * passes null), and every endpoint of this service refuses it with the same 400 problem before anything runs.
 */
final class RequestBodies {

    private RequestBodies() {}

    static <T> T required(T body) {
        if (body == null) {
            throw ProblemException.badRequest("The request needs a JSON body.");
        }
        return body;
    }
}
