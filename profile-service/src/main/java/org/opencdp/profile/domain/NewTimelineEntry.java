package org.opencdp.profile.domain;

import java.time.Instant;

/**
 * A communication to record. {@code businessLetter} null means the default: outbound e-mails and letters are
 * business letters (HGB §257), everything else is not unless the writer says so.
 */
public record NewTimelineEntry(
        TimelineChannel channel,
        TimelineDirection direction,
        Instant occurredAt,
        Integer durationSeconds,
        String agent,
        String summary,
        String externalReference,
        Boolean businessLetter) {

    public boolean isBusinessLetter() {
        if (businessLetter != null) {
            return businessLetter;
        }
        return direction == TimelineDirection.OUTBOUND
                && (channel == TimelineChannel.EMAIL || channel == TimelineChannel.LETTER);
    }
}
