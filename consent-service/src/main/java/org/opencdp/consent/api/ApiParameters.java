package org.opencdp.consent.api;

import org.opencdp.problem.ProblemException;

/** Parameters of consent-service's own shapes, parsed with a problem naming the parameter. */
final class ApiParameters {

    private ApiParameters() {}

    static int version(String name, String value) {
        if (value == null || !value.matches("^[1-9]\\d{0,8}$")) {
            throw ProblemException.invalidField(name, "must be a version number (1 or more)");
        }
        return Integer.parseInt(value);
    }
}
