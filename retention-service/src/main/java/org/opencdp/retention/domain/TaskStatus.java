package org.opencdp.retention.domain;

public enum TaskStatus {
    /** Not answered yet: waits for its next attempt. */
    PENDING,
    /** The service answered; its answer is the task's result. */
    DONE,
    /**
     * The service refused the call for good (a 4xx answer, kept as the last error); the request needs the dpo's
     * attention, who retries the task once the cause is dealt with.
     */
    FAILED
}
