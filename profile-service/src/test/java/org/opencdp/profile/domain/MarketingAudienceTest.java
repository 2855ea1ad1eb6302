package org.opencdp.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class MarketingAudienceTest {

    private static final UUID ERIKA = UUID.fromString("7d0c3c52-9d41-4b4e-9a57-1f0a3f1e6b2c");
    private static final UUID MAX = UUID.fromString("8e1d4d63-0e52-4c5f-8b68-2f1b4f2f7c3d");
    private static final UUID JUNE = UUID.fromString("9f2e5e74-1f63-4d6a-9c79-3a2c5a3a8d4e");

    @Test
    void aCustomerIsReachableWithAnyOneMarketingPurposeAllowed() {
        List<MarketingAudience.Answer> answers = List.of(
                new MarketingAudience.Answer(ERIKA, "newsletter", false),
                new MarketingAudience.Answer(ERIKA, "phone-marketing", true),
                new MarketingAudience.Answer(MAX, "newsletter", false),
                new MarketingAudience.Answer(MAX, "phone-marketing", false),
                new MarketingAudience.Answer(JUNE, "newsletter", true),
                new MarketingAudience.Answer(JUNE, "phone-marketing", true));

        assertThat(MarketingAudience.reachable(answers)).containsExactly(ERIKA, JUNE);
    }

    @Test
    void withoutAnyAllowedAnswerNobodyIsReachable() {
        assertThat(MarketingAudience.reachable(List.of())).isEmpty();
        assertThat(MarketingAudience.reachable(List.of(new MarketingAudience.Answer(MAX, "newsletter", false))))
                .isEmpty();
    }

    @Test
    void questionsAskEveryPurposeForEverySubjectInBatchesTheApiAccepts() {
        List<List<MarketingAudience.Question>> batches =
                MarketingAudience.questions(List.of(ERIKA, MAX, JUNE), List.of("newsletter", "phone-marketing"), 4);

        assertThat(batches).hasSize(2);
        assertThat(batches.get(0)).hasSize(4);
        assertThat(batches.get(1))
                .containsExactly(
                        new MarketingAudience.Question(JUNE, "newsletter"),
                        new MarketingAudience.Question(JUNE, "phone-marketing"));
        assertThat(MarketingAudience.questions(List.of(), List.of("newsletter"), 4))
                .isEmpty();
    }
}
