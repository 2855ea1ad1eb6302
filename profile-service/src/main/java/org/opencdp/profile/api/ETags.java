package org.opencdp.profile.api;

import jakarta.ws.rs.core.EntityTag;

import org.opencdp.problem.ProblemException;

/**
 * The version of a customer or a lead as an HTTP entity tag. Updates must send it back in If-Match, so an agent who saw an
 * older version gets 412 instead of silently overwriting a colleague's change.
 */
public final class ETags {

    private ETags() {}

    /** The entity tag of a version, as an answer carries it in its ETag header. */
    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version an If-Match header names: 428 when it is missing, 412 when it names no version of ours. */
    public static long requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired(
                    "Send the current ETag (the version you read) in an If-Match header, so concurrent changes are not lost.");
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() < 3 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
            throw ProblemException.preconditionFailed("If-Match must be the ETag you read, e.g. \"3\".");
        }
        try {
            return Long.parseLong(tag.substring(1, tag.length() - 1));
        } catch (NumberFormatException e) {
            throw ProblemException.preconditionFailed("If-Match does not name a version of this resource.");
        }
    }
}
