package org.opencdp.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The hash that chains an audit entry to the subject's previous one. Every stored chain depends on this exact
 * encoding: changing it makes every existing entry fail verification, so a new encoding needs a new version tag
 * and a verifier that knows both.
 *
 * <p>The input is a version tag, the previous hash (empty for a chain's first entry) and the entry's fields, each
 * prefixed with its length, so that no two different entries encode alike (("ab", "c") is not ("a", "bc")). The
 * time counts microseconds since the epoch in UTC, the precision PostgreSQL stores.
 */
final class AuditEntryHash {

    static final int LENGTH = 32;
    private static final byte[] VERSION = "opencdp-audit-entry-v1".getBytes(StandardCharsets.US_ASCII);

    private AuditEntryHash() {}

    static byte[] of(
            byte[] previousHash,
            UUID subjectId,
            Instant occurredAt,
            String actor,
            String actorKind,
            String action,
            String purpose) {
        MessageDigest digest = sha256();
        field(digest, VERSION);
        field(digest, previousHash == null ? new byte[0] : previousHash);
        field(
                digest,
                ByteBuffer.allocate(16)
                        .putLong(subjectId.getMostSignificantBits())
                        .putLong(subjectId.getLeastSignificantBits())
                        .array());
        field(digest, ByteBuffer.allocate(8).putLong(epochMicros(occurredAt)).array());
        field(digest, utf8(actor));
        field(digest, utf8(actorKind));
        field(digest, utf8(action));
        field(digest, utf8(purpose));
        return digest.digest();
    }

    private static long epochMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void field(MessageDigest digest, byte[] bytes) {
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM offers no SHA-256, which every Java platform must", e);
        }
    }
}
