package org.opencdp.profile.domain;

import java.time.Instant;
import java.util.UUID;

/** One satisfaction answer; the free text is encrypted with the customer's key. */
public class CustomerFeedback {

    public UUID id;

    public UUID subjectId;

    public FeedbackMeasure measure;

    public int score;

    public byte[] encryptedComment;

    public FeedbackSource source;

    public Instant answeredAt;

    /** The call or ticket entry the answer rates, if any. */
    public UUID aboutEntryId;

    /** The answer's own FEEDBACK entry on the timeline. */
    public UUID timelineEntryId;

    public Instant recordedAt;
}
