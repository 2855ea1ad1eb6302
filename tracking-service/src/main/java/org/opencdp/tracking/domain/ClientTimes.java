package org.opencdp.tracking.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * An event's client time, an ISO-8601 UTC time as {@link Instant#parse} reads it. The tracker's times all have the
 * shape of JavaScript's {@code Date.toISOString()}, {@code 2026-11-26T14:03:07.412Z}: that shape is read field by field
 * here, since {@code Instant.parse} (a formatter's parse context per call) was 9 % of all the bytes tracking-service
 * allocated per batch at the target load (bench/README.md, tracking: garbage collection). Anything else, and any
 * value of that shape whose fields are not a valid time, goes to {@code Instant.parse}, so that both accept and refuse
 * exactly the same texts.
 */
public final class ClientTimes {

    /** {@code yyyy-MM-ddTHH:mm:ss.SSSZ}. */
    private static final int TRACKER_LENGTH = 24;

    private ClientTimes() {}

    /**
     * @throws DateTimeException when the text is not an ISO-8601 UTC time
     */
    public static Instant parse(String text) {
        if (text.length() == TRACKER_LENGTH
                && text.charAt(4) == '-'
                && text.charAt(7) == '-'
                && text.charAt(10) == 'T'
                && text.charAt(13) == ':'
                && text.charAt(16) == ':'
                && text.charAt(19) == '.'
                && text.charAt(23) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 2);
            int day = digits(text, 8, 2);
            int hour = digits(text, 11, 2);
            int minute = digits(text, 14, 2);
            int second = digits(text, 17, 2);
            int millis = digits(text, 20, 3);
            // A part that is not all digits is -1; 60 s (a leap second) is Instant.parse's to judge.
            if (year >= 0
                    && month >= 0
                    && day >= 0
                    && hour >= 0
                    && minute >= 0
                    && second >= 0
                    && second <= 59
                    && millis >= 0) {
                try {
                    return LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000)
                            .toInstant(ZoneOffset.UTC);
                } catch (DateTimeException e) {
                    // not a valid date or time of day: Instant.parse refuses it with its own message
                }
            }
        }
        return Instant.parse(text);
    }

    /** The number written with {@code count} ASCII digits from {@code from}; -1 if one of them is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
