package org.opencdp.retention.domain;

/** COMPLETE: every participant answered; PARTIAL: at least one did not (yet), and it is asked again. */
public enum PurgeOutcome {
    COMPLETE,
    PARTIAL
}
