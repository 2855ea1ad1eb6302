package org.opencdp.audit;

import java.util.regex.Pattern;

/**
 * The rules for what an audit entry may say. The trail must never hold personal data beyond the subject id, so
 * the texts are checked before anything is stored, and a rejection never repeats the rejected text: it may be the
 * very personal data the rule keeps out of the trail and the logs.
 *
 * <p>The checks on a purpose catch the commonest leaks, an e-mail address and a concrete query string
 * ({@code ?email=...}); they cannot prove that a text holds no personal data, so callers pass constants.
 */
final class AuditFields {

    static final int MAX_ACTOR = 200;
    static final int MAX_ACTION = 100;
    static final int MAX_PURPOSE = 200;

    /** Dotted lower-case words such as {@code customer.read} or {@code subject.restriction-lift}. */
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

    private AuditFields() {}

    static String actor(String actor) {
        requirePrintable("actor", actor, MAX_ACTOR);
        return actor;
    }

    static String action(String action) {
        requirePrintable("action", action, MAX_ACTION);
        if (!ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("audit action must be dotted lower-case words such as customer.read");
        }
        return action;
    }

    static String purpose(String purpose) {
        requirePrintable("purpose", purpose, MAX_PURPOSE);
        if (purpose.indexOf('@') >= 0 || purpose.indexOf('=') >= 0) {
            throw new IllegalArgumentException("audit purpose must be an endpoint template or a named purpose, "
                    + "without '@' or '=': it looks like it carries an e-mail address or query values");
        }
        return purpose;
    }

    private static void requirePrintable(String field, String text, int maxLength) {
        if (text == null || text.isBlank() || text.length() > maxLength) {
            throw new IllegalArgumentException("audit " + field + " must be 1 to " + maxLength + " characters");
        }
        // Control characters and lone surrogates would not survive the trip through PostgreSQL unchanged, and the
        // entry's hash would no longer match what is stored.
        boolean printable = text.codePoints()
                .allMatch(c -> !Character.isISOControl(c) && Character.getType(c) != Character.SURROGATE);
        if (!printable) {
            throw new IllegalArgumentException(
                    "audit " + field + " must not contain control characters or unpaired surrogates");
        }
    }
}
