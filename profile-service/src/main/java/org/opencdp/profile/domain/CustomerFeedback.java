package org.opencdp.profile.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One satisfaction answer; the free text is encrypted with the customer's key. */
@Entity
@Table(name = "customer_feedback")
public class CustomerFeedback {

    @Id
    public UUID id;

    @Column(name = "subject_id")
    public UUID subjectId;

    @Enumerated(EnumType.STRING)
    public FeedbackMeasure measure;

    public int score;

    @Column(name = "comment")
    public byte[] encryptedComment;

    @Enumerated(EnumType.STRING)
    public FeedbackSource source;

    @Column(name = "answered_at")
    public Instant answeredAt;

    /** The call or ticket entry the answer rates, if any. */
    @Column(name = "about_entry_id")
    public UUID aboutEntryId;

    /** The answer's own FEEDBACK entry on the timeline. */
    @Column(name = "timeline_entry_id")
    public UUID timelineEntryId;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
