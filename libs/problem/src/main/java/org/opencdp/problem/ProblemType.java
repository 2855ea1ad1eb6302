package org.opencdp.problem;

import java.net.URI;

/** The problem types every service uses; the README lists them for frontend teams. */
public enum ProblemType {
    VALIDATION(400, "Invalid request"),
    MALFORMED_JSON(400, "Malformed JSON"),
    BAD_REQUEST(400, "Bad request"),
    UNAUTHORIZED(401, "Authentication required"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    CONFLICT(409, "Conflict"),
    GONE(410, "Gone"),
    PRECONDITION_FAILED(412, "Precondition failed"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    URI_TOO_LONG(414, "URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    UNPROCESSABLE(422, "Unprocessable request"),
    PRECONDITION_REQUIRED(428, "Precondition required"),
    TOO_MANY_REQUESTS(429, "Too many requests"),
    HEADERS_TOO_LARGE(431, "Request header fields too large"),
    INTERNAL(500, "Internal error"),
    SERVICE_UNAVAILABLE(503, "Service unavailable");

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI uri() {
        return URI.create("urn:opencdp:problem:" + name().toLowerCase().replace('_', '-'));
    }

    /** The generic type for a status that has no more specific one. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != VALIDATION && type != MALFORMED_JSON) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : BAD_REQUEST;
    }
}
