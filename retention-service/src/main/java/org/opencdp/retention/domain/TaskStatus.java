package org.opencdp.retention.domain;

public enum TaskStatus {
    /** Not answered yet: waits for its next attempt. */
    PENDING,
    /** The service answered; its answer is the task's result. */
    DONE
}
