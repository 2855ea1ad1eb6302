package org.opencdp.tracking.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The batch's size limit counts the body's UTF-8 bytes without encoding it: the same count as encoding it. */
class BatchBytesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "{\"events\":[]}",
                "Grüße aus Köln",
                "€ 12,50 – ¥ ₹",
                "tent 🏕 and 👍🏽",
                "lone \uD83C surrogate",
                "trailing high \uD83C",
                "lone low \uDF15 surrogate",
                "\u07FF\u0800\uFFFF\u0080\u007F",
            })
    void countsWhatTheEncoderWrites(String text) {
        assertThat(IngestionService.utf8Length(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }
}
