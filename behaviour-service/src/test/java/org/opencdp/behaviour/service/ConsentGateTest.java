package org.opencdp.behaviour.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencdp.consentdecisions.ConsentDecisions.Decision;
import org.opencdp.consentdecisions.ConsentDecisions.Pair;

class ConsentGateTest {

    @Test
    void onlyAnExplicitAllowCountsAndTheOrderIsKept() {
        Pair granted = Pair.ofSubject(UUID.randomUUID(), "marketing");
        Pair denied = Pair.ofSubject(UUID.randomUUID(), "marketing");
        Pair visitor = Pair.ofVisitor("4f9c2b7e1a3d5c6e8f0a1b2c3d4e5f60", "marketing");
        Pair objected = Pair.ofSubject(UUID.randomUUID(), "marketing");
        List<Decision> answers = List.of(
                new Decision(visitor, true, "CONSENT", UUID.randomUUID(), "GRANTED"),
                new Decision(denied, false, "CONSENT", null, "NEVER_GRANTED"),
                new Decision(granted, true, "CONSENT", UUID.randomUUID(), "GRANTED"),
                new Decision(objected, false, "LEGITIMATE_INTEREST", UUID.randomUUID(), "OBJECTED"));
        assertThat(ConsentGate.allowedAmong(answers)).containsExactly(visitor, granted);
    }
}
