package org.opencdp.profile.domain;

/**
 * A lead's stage in the sales pipeline. Open stages move forward, possibly skipping some (a referral may be qualified
 * at once), or to LOST; WON is reached only by converting the lead into a customer; WON and LOST are final.
 */
public enum PipelineStage {
    NEW,
    CONTACTED,
    QUALIFIED,
    PROPOSAL,
    WON,
    LOST;

    public boolean isOpen() {
        return this != WON && this != LOST;
    }

    /** Whether a stage change (not the conversion) may move a lead from this stage to {@code next}. */
    public boolean canMoveTo(PipelineStage next) {
        if (!isOpen() || next == WON) {
            return false;
        }
        return next == LOST || next.ordinal() > ordinal();
    }
}
