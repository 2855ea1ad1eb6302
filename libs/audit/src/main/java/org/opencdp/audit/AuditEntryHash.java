package org.opencdp.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Consumer;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * The hash that chains an audit entry to the subject's previous one. Every stored chain depends on these exact
 * encodings: changing one makes every existing entry fail verification, so a new encoding needs a new version
 * (the table's {@code hash_version}) and a verifier that knows all of them.
 *
 * <p>The input is a version tag, the previous hash (empty for a chain's first entry) and the entry's fields, each
 * prefixed with its length, so that no two different entries encode alike (("ab", "c") is not ("a", "bc")). The
 * time counts microseconds since the epoch in UTC, the precision PostgreSQL stores.
 *
 * <ul>
 *   <li>Version 1 ({@link #of}, tag {@code opencdp-audit-entry-v1}): SHA-256, no key. Entries written before the
 *       chain was keyed; anyone with write access to the table can recompute them, so they are reported as legacy.
 *   <li>Version 2 ({@link #keyed}, tag {@code opencdp-audit-entry-v2}): HMAC-SHA256 with the chain key, over the tag,
 *       the key id and then the same fields as version 1. Without the key nobody can compute a valid entry.
 * </ul>
 */
final class AuditEntryHash {

    static final int LENGTH = 32;
    static final int UNKEYED = 1;
    static final int KEYED = 2;
    private static final byte[] VERSION_1 = "opencdp-audit-entry-v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VERSION_2 = "opencdp-audit-entry-v2".getBytes(StandardCharsets.US_ASCII);

    private AuditEntryHash() {}

    /** Version 1, unkeyed: only to verify legacy entries, never to write new ones. */
    static byte[] of(
            byte[] previousHash,
            UUID subjectId,
            Instant occurredAt,
            String actor,
            String actorKind,
            String action,
            String purpose) {
        MessageDigest digest = sha256();
        field(digest::update, VERSION_1);
        fields(digest::update, previousHash, subjectId, occurredAt, actor, actorKind, action, purpose);
        return digest.digest();
    }

    /** Version 2: HMAC-SHA256 under the chain key named {@code keyId}. */
    static byte[] keyed(
            SecretKey key,
            String keyId,
            byte[] previousHash,
            UUID subjectId,
            Instant occurredAt,
            String actor,
            String actorKind,
            String action,
            String purpose) {
        Mac mac = hmac(key);
        field(mac::update, VERSION_2);
        field(mac::update, utf8(keyId));
        fields(mac::update, previousHash, subjectId, occurredAt, actor, actorKind, action, purpose);
        return mac.doFinal();
    }

    private static void fields(
            Consumer<byte[]> sink,
            byte[] previousHash,
            UUID subjectId,
            Instant occurredAt,
            String actor,
            String actorKind,
            String action,
            String purpose) {
        field(sink, previousHash == null ? new byte[0] : previousHash);
        field(
                sink,
                ByteBuffer.allocate(16)
                        .putLong(subjectId.getMostSignificantBits())
                        .putLong(subjectId.getLeastSignificantBits())
                        .array());
        field(sink, ByteBuffer.allocate(8).putLong(epochMicros(occurredAt)).array());
        field(sink, utf8(actor));
        field(sink, utf8(actorKind));
        field(sink, utf8(action));
        field(sink, utf8(purpose));
    }

    private static long epochMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void field(Consumer<byte[]> sink, byte[] bytes) {
        sink.accept(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sink.accept(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM offers no SHA-256, which every Java platform must", e);
        }
    }

    private static Mac hmac(SecretKey key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("cannot key HMAC-SHA256, which every Java platform offers", e);
        }
    }
}
