package org.opencdp.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0171 2345678",
                "+49 171 2345678",
                "0049 171 2345678",
                "+49 (0)171 2345678",
                "0171/2345678",
                "+49-171-234-5678",
                "(0171) 2345678"
            })
    void everyCommonGermanNotationBecomesTheSameE164Number(String notation) {
        assertThat(PhoneNumbers.toE164(notation)).contains("+491712345678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "12", "call me", "+49 123", "0000000000000000000000000"})
    void whatIsNoPhoneNumberIsRejected(String notation) {
        assertThat(PhoneNumbers.toE164(notation)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aForeignNumberWithItsPrefixKeepsItsCountry() {
        assertThat(PhoneNumbers.toE164("+43 1 5124567")).contains("+4315124567");
    }

    @org.junit.jupiter.api.Test
    void aCallersNumberWithAnExtensionIsTriedAsDirectDialThenAsSwitchboard() {
        assertThat(PhoneNumbers.callerForms("030 1234567-12")).containsExactly("+4930123456712", "+49301234567");
        assertThat(PhoneNumbers.callerForms("030 1234567")).containsExactly("+49301234567");
        assertThat(PhoneNumbers.callerForms("+49-171-234-5678")).containsExactly("+491712345678");
        assertThat(PhoneNumbers.callerForms("call me")).isEmpty();
    }
}
