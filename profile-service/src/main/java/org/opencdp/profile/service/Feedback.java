package org.opencdp.profile.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opencdp.audit.AuditTrail;
import org.opencdp.personaldata.PersonalDataCipher;
import org.opencdp.problem.ProblemException;
import org.opencdp.profile.domain.CustomerFeedback;
import org.opencdp.profile.domain.NewFeedback;
import org.opencdp.profile.domain.NewTimelineEntry;
import org.opencdp.profile.domain.StoredFeedback;
import org.opencdp.profile.domain.StoredTimelineEntry;
import org.opencdp.profile.domain.TimelineChannel;
import org.opencdp.profile.domain.TimelineDirection;
import org.opencdp.profile.repository.FeedbackRepository;
import org.opencdp.profile.repository.TimelineRepository;

/**
 * Satisfaction answers of customers (CSAT, NPS), recorded by agents and integrations. Each answer also stands on the
 * customer's timeline as a FEEDBACK entry, in the same transaction and the same audit entry.
 */
@ApplicationScoped
public class Feedback {

    static final String COMMENT_FIELD = "feedback.comment";
    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    @Inject
    FeedbackRepository answers;

    @Inject
    TimelineRepository entries;

    @Inject
    Timeline timeline;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    InputChecks checks;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** Records the answer, written by {@code source} (an agent's login name or an integration's client id). */
    @Transactional
    public StoredFeedback record(UUID customerId, NewFeedback answer, String source, String purpose) {
        timeline.requireUsable(customerId);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        Instant answeredAt =
                answer.answeredAt() == null ? now : answer.answeredAt().truncatedTo(ChronoUnit.MICROS);
        if (answeredAt.isAfter(now.plus(CLOCK_TOLERANCE))) {
            throw ProblemException.invalidField("answeredAt", "must not be in the future");
        }
        if (answer.score() < answer.measure().lowest()
                || answer.score() > answer.measure().highest()) {
            throw ProblemException.invalidField(
                    answer.measure().name().toLowerCase(java.util.Locale.ROOT),
                    "must be from " + answer.measure().lowest() + " to "
                            + answer.measure().highest());
        }
        checks.noPaymentNumbersIn("comment", answer.comment());
        if (answer.aboutEntryId() != null
                && entries.find(answer.aboutEntryId())
                        .filter(e -> e.subjectId.equals(customerId) && e.retainedUntil == null)
                        .isEmpty()) {
            throw ProblemException.invalidField("timelineEntryId", "is not an entry of this customer's timeline");
        }
        StoredTimelineEntry entry = timeline.recordFeedback(
                customerId,
                new NewTimelineEntry(
                        TimelineChannel.FEEDBACK,
                        TimelineDirection.INBOUND,
                        answeredAt,
                        null,
                        null,
                        summary(answer),
                        null,
                        false),
                source);
        CustomerFeedback row = new CustomerFeedback();
        row.id = UUID.randomUUID();
        row.subjectId = customerId;
        row.measure = answer.measure();
        row.score = answer.score();
        row.encryptedComment = cipher.encrypt(customerId, COMMENT_FIELD, answer.comment());
        row.source = answer.source();
        row.answeredAt = answeredAt;
        row.aboutEntryId = answer.aboutEntryId();
        row.timelineEntryId = entry.id();
        row.recordedAt = now;
        answers.insert(row);
        audit.record(customerId, "feedback.write", purpose);
        return stored(row, answer.comment());
    }

    static StoredFeedback stored(CustomerFeedback row, String comment) {
        return new StoredFeedback(
                row.id,
                row.subjectId,
                row.measure,
                row.score,
                comment,
                row.source,
                row.answeredAt,
                row.aboutEntryId,
                row.timelineEntryId,
                row.recordedAt);
    }

    /** What the timeline shows of the answer: the measure, the score and the customer's words. */
    private static String summary(NewFeedback answer) {
        String rating = answer.measure() + " " + answer.score() + " (" + answer.source() + ")";
        return answer.comment() == null ? rating : rating + ": " + answer.comment();
    }
}
