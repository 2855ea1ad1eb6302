package org.opencdp.outbox;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Rows keyed by them are appended to the end
 * of the primary-key index instead of touching a random page per insert, which is what high-volume tables
 * (events, orders, the outbox) need.
 *
 * <p>{@link #next()} is strictly increasing within one process (RFC 9562 section 6.2, method 2): a second id in the
 * same millisecond is the previous one plus a random step, so ordering by id is ordering by creation even inside
 * one millisecond. The outbox relies on this to deliver a subject's events in the order they were written.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Monotonic MONOTONIC = new Monotonic();

    private TimeOrderedIds() {}

    /**
     * Reads the system clock, not the service's injectable {@code Clock}, on purpose: the relay delivers in id
     * order, so ids must follow the real order of creation even while a test has fixed the service's clock.
     */
    public static UUID next() {
        return MONOTONIC.next(System.currentTimeMillis());
    }

    /** The last id handed out; the next one is above it even when the clock stands still or steps back. */
    static final class Monotonic {
        private long lastMost;
        private long lastLeast;

        synchronized UUID next(long epochMillis) {
            long lastMillis = lastMost >>> 16;
            if (epochMillis > lastMillis) {
                UUID id = at(epochMillis);
                remember(id);
                return id;
            }
            // Same millisecond (or the clock stepped back): count up in the 74 random bits of the last id.
            long step = 1 + (RANDOM.nextLong() & 0xFFFF_FFFFL);
            long least = (lastLeast & 0x3FFF_FFFF_FFFF_FFFFL) + step;
            long most = lastMost;
            if ((least & 0xC000_0000_0000_0000L) != 0) { // the low 62 bits overflowed into rand_a
                least &= 0x3FFF_FFFF_FFFF_FFFFL;
                most += 1;
                if ((most & 0x0FFFL) == 0) { // rand_a overflowed too: borrow the next millisecond
                    most = ((lastMillis + 1) << 16) | 0x7000L;
                }
            }
            UUID id = new UUID(most, least | 0x8000_0000_0000_0000L);
            remember(id);
            return id;
        }

        private void remember(UUID id) {
            lastMost = id.getMostSignificantBits();
            lastLeast = id.getLeastSignificantBits();
        }
    }

    /** A UUIDv7 for the given Unix time in milliseconds (for back-dated imports and tests). */
    public static UUID at(long epochMillis) {
        long randomA = RANDOM.nextLong();
        long randomB = RANDOM.nextLong();
        long most = (epochMillis << 16) | 0x7000L | (randomA & 0x0FFFL);
        long least = (randomB & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(most, least);
    }

    /** The Unix milliseconds a UUIDv7 was made at. */
    public static long epochMillis(UUID id) {
        if (id.version() != 7) {
            throw new IllegalArgumentException("not a UUIDv7");
        }
        return id.getMostSignificantBits() >>> 16;
    }
}
