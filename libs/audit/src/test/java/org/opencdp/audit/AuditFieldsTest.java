package org.opencdp.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditFieldsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "customer.read",
                "customer.search-hit",
                "subject.restriction-lift",
                "audit-trail.read",
                "consent.v2.grant"
            })
    void dottedLowerCaseVerbsAreActions(String action) {
        assertThat(AuditFields.action(action)).isEqualTo(action);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "read",
                "Customer.Read",
                "customer read",
                "customer.",
                ".read",
                "customer..read",
                "customer.read:jane@example.org",
                ""
            })
    void anythingElseIsRefusedAsAnAction(String action) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AuditFields.action(action))
                .withMessageContaining("action")
                .withMessageNotContaining("jane");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "GET /api/v1/customers/{id}",
                "GET /api/v1/customers?search",
                "subject-request:access",
                "GDPR Art. 17 erasure request 3f2b8c1e-4d5a-4e6f-8a7b-9c0d1e2f3a4b",
                "Auskunft gemäß Art. 15 DSGVO"
            })
    void endpointTemplatesAndNamedPurposesArePurposes(String purpose) {
        assertThat(AuditFields.purpose(purpose)).isEqualTo(purpose);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /api/v1/customers?email=erika.mustermann", "lookup for erika.mustermann@example.de"})
    void aPurposeThatCarriesAnEmailAddressOrQueryValuesIsRefusedWithoutRepeatingIt(String purpose) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AuditFields.purpose(purpose))
                .withMessageContaining("purpose")
                .withMessageNotContaining("mustermann");
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "line\nbreak", "nul\u0000char", "lone \uD800 surrogate"})
    void blankTextsAndControlCharactersAreRefused(String purpose) {
        assertThatIllegalArgumentException().isThrownBy(() -> AuditFields.purpose(purpose));
    }

    @Test
    void textsUpToTheirMaximumLengthAreAcceptedAndLongerOnesRefused() {
        String longest = "a".repeat(AuditFields.MAX_ACTOR);
        assertThat(AuditFields.actor(longest)).isEqualTo(longest);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AuditFields.actor(longest + "a"))
                .withMessageContaining("1 to 200");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AuditFields.purpose("p".repeat(AuditFields.MAX_PURPOSE + 1)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AuditFields.action("a." + "b".repeat(AuditFields.MAX_ACTION)));
    }

    @Test
    void aMissingTextIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> AuditFields.actor(null));
        assertThatIllegalArgumentException().isThrownBy(() -> AuditFields.action(null));
        assertThatIllegalArgumentException().isThrownBy(() -> AuditFields.purpose(null));
    }
}
