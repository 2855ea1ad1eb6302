package org.opencdp.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormaliseTest {

    @Test
    void namesAreFoldedIntoLowerCaseWordsWithoutAccents() {
        assertThat(Normalise.tokens("Müller-Lüdenscheidt, Jürgen")).containsExactly("muller", "ludenscheidt", "jurgen");
        assertThat(Normalise.tokens("  Straße  STRASSE ")).containsExactly("strasse");
        assertThat(Normalise.tokens("Café  Zoë 2000")).containsExactly("cafe", "zoe", "2000");
    }

    @Test
    void emailAddressesAreTrimmedAndLowerCased() {
        assertThat(Normalise.email("  Erika.Mustermann@Example.DE ")).isEqualTo("erika.mustermann@example.de");
    }

    @Test
    void nothingStaysNothing() {
        assertThat(Normalise.tokens(null)).isEmpty();
        assertThat(Normalise.tokens(" -,- ")).isEmpty();
        assertThat(Normalise.text(null)).isNull();
    }
}
