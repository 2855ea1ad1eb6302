package org.opencdp.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class ChainKeysTest {

    private static final String KEY = "q0e3E8o1mJm4rVbW2m6oV8m0cF9yQ5Zr9t3kM2lW7xE=";
    private static final String RETIRED = "WBx2VJYohknymDbrm78Xg+QvItXDlNWnWD5kyC5GFG0=";

    @Test
    void theCurrentKeyKeysNewEntriesAndRetiredKeysStillVerifyOldOnes() {
        ChainKeys.Keys keys = ChainKeys.parse(Optional.of(KEY), "a2", Optional.of("a1:" + RETIRED));

        assertThat(keys.currentId()).isEqualTo("a2");
        assertThat(keys.byId()).containsOnlyKeys("a1", "a2");
        assertThat(keys.byId().get("a1").getEncoded())
                .isNotEqualTo(keys.byId().get("a2").getEncoded());
    }

    @Test
    void withoutAKeyTheServiceDoesNotStartAndTheMessageSaysWhatToSet() {
        assertThatIllegalStateException()
                .isThrownBy(() -> ChainKeys.parse(Optional.empty(), "a1", Optional.empty()))
                .withMessageContaining("OPENCDP_AUDIT_CHAIN_KEY is not set");
    }

    @Test
    void aKeyOfTheWrongLengthIsRefusedWithoutRepeatingIt() {
        String short16 = "AAAAAAAAAAAAAAAAAAAAAA==";
        assertThatIllegalStateException()
                .isThrownBy(() -> ChainKeys.parse(Optional.of(short16), "a1", Optional.empty()))
                .withMessageContaining("32 bytes")
                .withMessageNotContaining(short16);
    }

    @Test
    void aMalformedListOfRetiredKeysIsRefusedWithoutRepeatingIt() {
        assertThatIllegalStateException()
                .isThrownBy(() -> ChainKeys.parse(Optional.of(KEY), "a2", Optional.of(RETIRED)))
                .withMessageContaining("OPENCDP_AUDIT_PREVIOUS_CHAIN_KEYS")
                .withMessageNotContaining(RETIRED);
    }

    @Test
    void theTextFormNamesKeyIdsOnly() {
        ChainKeys.Keys keys = ChainKeys.parse(Optional.of(KEY), "a1", Optional.empty());

        assertThat(keys.toString()).contains("a1").doesNotContain(KEY);
    }
}
