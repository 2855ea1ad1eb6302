package org.opencdp.requestparameters;

import java.util.UUID;

import org.opencdp.problem.ProblemException;

/**
 * Parses path and query parameters with a problem that names the parameter. JAX-RS would answer a UUID path
 * parameter it cannot convert with a bare 404, which tells the caller nothing.
 */
public final class RequestParameters {

    private RequestParameters() {}

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(name, "is required");
        }
        try {
            UUID id = UUID.fromString(value.trim());
            if (!id.toString().equalsIgnoreCase(value.trim())) {
                throw new IllegalArgumentException("non-canonical");
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(name, "must be a UUID such as 3f2b8c1e-4d5a-4e6f-8a7b-9c0d1e2f3a4b");
        }
    }

    /**
     * A page size between 1 and {@code max}; {@code defaultSize} when absent. Taken as text because JAX-RS answers
     * a query parameter it cannot convert with 404.
     */
    public static int pageSize(String name, String value, int defaultSize, int max) {
        if (value == null || value.isBlank()) {
            return defaultSize;
        }
        try {
            int size = Integer.parseInt(value.strip());
            if (size >= 1 && size <= max) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalidField(name, "must be a whole number from 1 to " + max);
    }

    /** An opaque cursor made by {@link #cursorOf(UUID)}; null when absent. */
    public static UUID cursor(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(new String(
                    java.util.Base64.getUrlDecoder().decode(value.strip()),
                    java.nio.charset.StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(name, "is not a cursor this API returned; start again without it");
        }
    }

    /** The cursor that continues a listing after the given id. */
    public static String cursorOf(UUID lastId) {
        return java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(lastId.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
