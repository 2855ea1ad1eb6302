package org.opencdp.profile.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Which customers marketing may see: those for whom consent-service allows at least one direct-marketing purpose
 * (a newsletter or phone-marketing consent in force). Everyone else is left out, never shown as an error.
 */
public final class MarketingAudience {

    private MarketingAudience() {}

    /** One question to consent-service: may this purpose be used for this subject? */
    public record Question(UUID subjectId, String purpose) {}

    /** consent-service's answer to a {@link Question}. */
    public record Answer(UUID subjectId, String purpose, boolean allowed) {}

    /** Every subject with every purpose, in batches of at most {@code maxPerBatch} questions. */
    public static List<List<Question>> questions(Collection<UUID> subjects, List<String> purposes, int maxPerBatch) {
        List<List<Question>> batches = new ArrayList<>();
        List<Question> batch = new ArrayList<>();
        for (UUID subject : subjects) {
            for (String purpose : purposes) {
                if (batch.size() == maxPerBatch) {
                    batches.add(batch);
                    batch = new ArrayList<>();
                }
                batch.add(new Question(subject, purpose));
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    /** The subjects with at least one allowed answer, in the order they first appear. */
    public static Set<UUID> reachable(List<Answer> answers) {
        Set<UUID> reachable = new LinkedHashSet<>();
        for (Answer answer : answers) {
            if (answer.allowed()) {
                reachable.add(answer.subjectId());
            }
        }
        return reachable;
    }
}
