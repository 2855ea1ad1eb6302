package org.opencdp.tracking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientTimesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-11-26T14:03:07.412Z",
                "2026-01-01T00:00:00.000Z",
                "2026-12-31T23:59:59.999Z",
                "2024-02-29T12:00:00.001Z",
                "0000-01-01T00:00:00.000Z",
                "9999-12-31T23:59:59.999Z",
                "2016-12-31T23:59:60.000Z",
                // other shapes Instant.parse reads: no fraction, other fractions, an offset
                "2026-11-26T14:03:07Z",
                "2026-11-26T14:03:07.4Z",
                "2026-11-26T14:03:07.412345Z",
                "2026-11-26T14:03:07.412+01:00",
            })
    void readsWhatInstantParseReadsAsItDoes(String text) {
        assertThat(ClientTimes.parse(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-02-29T12:00:00.000Z",
                "2026-04-31T12:00:00.000Z",
                "2026-13-01T12:00:00.000Z",
                "2026-00-01T12:00:00.000Z",
                "2026-11-00T12:00:00.000Z",
                "2026-11-26T14:60:00.000Z",
                "2026-11-26T14:03:61.000Z",
                "2026-11-26T14:03:07,412Z",
                "2026-1a-26T14:03:07.412Z",
                "2026-11-26T14:03:07.-12Z",
                "+026-11-26T14:03:07.412Z",
                "2026-11-26 14:03:07.412Z",
                "2026-11-26T14:03:07.412",
                "null",
                "",
            })
    void refusesWhatInstantParseRefuses(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> ClientTimes.parse(text)).isInstanceOf(DateTimeException.class);
    }

    /**
     * Texts of the tracker's length whose outcome is Instant.parse's: it reads letters case-insensitively, and 24:00 as
     * the next day's midnight.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-11-26T24:00:00.000Z",
                "2026-11-26t14:03:07.412Z",
                "2026-11-26T14:03:07.412z",
                "2026-11-26T14:03:07.412+"
            })
    void otherwiseDoesWhatInstantParseDoes(String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeException e) {
            assertThatThrownBy(() -> ClientTimes.parse(text)).isInstanceOf(DateTimeException.class);
            return;
        }
        assertThat(ClientTimes.parse(text)).isEqualTo(expected);
    }
}
