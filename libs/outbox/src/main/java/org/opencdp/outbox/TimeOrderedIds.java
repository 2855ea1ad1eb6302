package org.opencdp.outbox;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Rows keyed by them are appended to the end
 * of the primary-key index instead of touching a random page per insert, which is what high-volume tables
 * (events, orders, the outbox) need; ordering by id is ordering by creation time to the millisecond.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {}

    /**
     * Reads the system clock, not the service's injectable {@code Clock}, on purpose: the relay delivers in id
     * order, so ids must follow the real order of creation even while a test has fixed the service's clock.
     */
    public static UUID next() {
        return at(System.currentTimeMillis());
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
