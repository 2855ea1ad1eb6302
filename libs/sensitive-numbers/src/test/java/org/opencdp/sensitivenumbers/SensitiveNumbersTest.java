package org.opencdp.sensitivenumbers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SensitiveNumbersTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "4111111111111111",
                "4111 1111 1111 1111",
                "card: 5500-0000-0000-0004",
                "Karte:4111111111111111.",
                "(4111-1111-1111-1111)",
                "378282246310005",
                "6011111111111117"
            })
    void cardNumbersAreFound(String text) {
        assertThat(SensitiveNumbers.find(text)).isEqualTo(SensitiveNumbers.Kind.CARD_NUMBER);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "DE89370400440532013000",
                "DE89 3704 0044 0532 0130 00",
                "iban gb82 west 1234 5698 7654 32",
                "AT611904300234573201"
            })
    void ibansAreFound(String text) {
        assertThat(SensitiveNumbers.find(text)).isEqualTo(SensitiveNumbers.Kind.IBAN);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "4111111111111112",
                "DE89370400440532013001",
                "+491712345678",
                "0171 2345678 9012 3456",
                "Order 2026-0042-1234-5678",
                "**** **** **** 4242",
                "DE89 **** **** **** **30 00",
                "Hauptstraße 17",
                "EE0407C80D774EF4882404446269FCCC",
                "call-7f3a4882404446269b",
                // a digit of another script (Arabic-Indic one) glued to the run: not a card number the Luhn check
                // could read, and the ASCII run after it does not stand on its own
                "4111\u0661111111111111111"
            })
    void ordinaryTextAndMaskedReferencesAreNot(String text) {
        assertThat(SensitiveNumbers.find(text)).isNull();
    }
}
