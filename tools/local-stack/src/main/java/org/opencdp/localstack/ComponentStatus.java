package org.opencdp.localstack;

/** One line of `make status`: a part of the suite, whether it runs, and where. */
public record ComponentStatus(String name, State state, String detail) {

    public enum State {
        /** Its process runs and it answers. */
        RUNNING,
        /** Its process runs but does not answer (yet). */
        NOT_READY,
        STOPPED
    }

    public boolean isStopped() {
        return state == State.STOPPED;
    }

    @Override
    public String toString() {
        String state = switch (this.state) {
            case RUNNING -> "running";
            case NOT_READY -> "not ready";
            case STOPPED -> "stopped";
        };
        return String.format("%-18s %-10s %s", name, state, detail).stripTrailing();
    }
}
