package org.opencdp.problem;

/** Describes an exception for the log by its types and frames only: messages may quote personal data. */
public final class SafeThrowable {

    private static final int FRAMES_PER_CAUSE = 12;

    private SafeThrowable() {}

    public static String describe(Throwable error) {
        StringBuilder out = new StringBuilder();
        Throwable current = error;
        int depth = 0;
        while (current != null && depth++ < 8) {
            out.append(depth == 1 ? "" : "\n  caused by ")
                    .append(current.getClass().getName());
            if (current instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                out.append(" [SQLState ").append(sql.getSQLState()).append(']');
            }
            StackTraceElement[] frames = current.getStackTrace();
            for (int i = 0; i < Math.min(FRAMES_PER_CAUSE, frames.length); i++) {
                out.append("\n    at ").append(frames[i]);
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return out.toString();
    }
}
