package org.opencdp.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class AuditEntryHashTest {

    private static final UUID SUBJECT = UUID.fromString("3f2b8c1e-4d5a-4e6f-8a7b-9c0d1e2f3a4b");
    private static final Instant AT = Instant.parse("2026-11-25T09:14:03.123456Z");
    private static final byte[] PREVIOUS = new byte[32];
    private static final SecretKey KEY;

    static {
        byte[] key = new byte[32];
        for (int i = 0; i < PREVIOUS.length; i++) {
            PREVIOUS[i] = (byte) i;
            key[i] = (byte) (100 + i);
        }
        KEY = new SecretKeySpec(key, "HmacSHA256");
    }

    @Test
    void theEncodingMatchesTheDocumentedFormatSoStoredChainsKeepVerifying() {
        // Expected values computed independently (Python hashlib) from the format in AuditEntryHash's Javadoc.
        assertThat(hex(AuditEntryHash.of(
                        PREVIOUS, SUBJECT, AT, "jane.doe", "USER", "customer.read", "Auskunft gemäß Art. 15 DSGVO")))
                .isEqualTo("e5187e8dceed068364ce5529327414db13b1090a3f0449ea9b0bc313a62f693b");
        assertThat(hex(AuditEntryHash.of(
                        null, SUBJECT, AT, "jane.doe", "USER", "customer.read", "GET /api/v1/customers/{id}")))
                .isEqualTo("da1614fe32664a65eb408d3eca741c51862476dbed168f82cc75faf689e5d110");
    }

    @Test
    void theKeyedEncodingMatchesTheDocumentedFormat() {
        // Computed independently (Python hmac) from the format in AuditEntryHash's Javadoc: tag, key id, fields.
        assertThat(hex(AuditEntryHash.keyed(
                        KEY,
                        "a1",
                        PREVIOUS,
                        SUBJECT,
                        AT,
                        "jane.doe",
                        "USER",
                        "customer.read",
                        "Auskunft gemäß Art. 15 DSGVO")))
                .isEqualTo("648e593c75a0ecd43aecb1ed0c2a3870a9acd9b4f3620d3beec72f1d8be722d3");
    }

    @Test
    void theKeyedHashDependsOnTheKeyAndTheKeyIdAndIsNotTheUnkeyedOne() {
        byte[] keyed = AuditEntryHash.keyed(KEY, "a1", PREVIOUS, SUBJECT, AT, "jane", "USER", "customer.read", "p");
        byte[] otherKey = new byte[32];
        assertThat(AuditEntryHash.keyed(
                        new SecretKeySpec(otherKey, "HmacSHA256"),
                        "a1",
                        PREVIOUS,
                        SUBJECT,
                        AT,
                        "jane",
                        "USER",
                        "customer.read",
                        "p"))
                .isNotEqualTo(keyed);
        assertThat(AuditEntryHash.keyed(KEY, "a2", PREVIOUS, SUBJECT, AT, "jane", "USER", "customer.read", "p"))
                .isNotEqualTo(keyed);
        assertThat(AuditEntryHash.of(PREVIOUS, SUBJECT, AT, "jane", "USER", "customer.read", "p"))
                .isNotEqualTo(keyed);
        assertThat(keyed).hasSize(AuditEntryHash.LENGTH);
    }

    @Test
    void movingCharactersBetweenNeighbouringFieldsChangesTheHash() {
        byte[] one = AuditEntryHash.of(null, SUBJECT, AT, "jane", "USER", "customer.read", "p");
        byte[] other = AuditEntryHash.of(null, SUBJECT, AT, "jan", "eUSER", "customer.read", "p");
        assertThat(one).isNotEqualTo(other);
    }

    @Test
    void everyFieldIsCoveredByTheHash() {
        byte[] base = AuditEntryHash.of(PREVIOUS, SUBJECT, AT, "jane", "USER", "customer.read", "p");
        assertThat(AuditEntryHash.of(null, SUBJECT, AT, "jane", "USER", "customer.read", "p"))
                .isNotEqualTo(base);
        assertThat(AuditEntryHash.of(PREVIOUS, UUID.randomUUID(), AT, "jane", "USER", "customer.read", "p"))
                .isNotEqualTo(base);
        assertThat(AuditEntryHash.of(PREVIOUS, SUBJECT, AT.plusNanos(1_000), "jane", "USER", "customer.read", "p"))
                .isNotEqualTo(base);
        assertThat(AuditEntryHash.of(PREVIOUS, SUBJECT, AT, "john", "USER", "customer.read", "p"))
                .isNotEqualTo(base);
        assertThat(AuditEntryHash.of(PREVIOUS, SUBJECT, AT, "jane", "SERVICE", "customer.read", "p"))
                .isNotEqualTo(base);
        assertThat(AuditEntryHash.of(PREVIOUS, SUBJECT, AT, "jane", "USER", "customer.update", "p"))
                .isNotEqualTo(base);
        assertThat(AuditEntryHash.of(PREVIOUS, SUBJECT, AT, "jane", "USER", "customer.read", "q"))
                .isNotEqualTo(base);
    }

    @Test
    void nanosecondsBelowAMicrosecondDoNotCountBecausePostgresqlDoesNotStoreThem() {
        assertThat(AuditEntryHash.of(null, SUBJECT, AT.plusNanos(999), "jane", "USER", "customer.read", "p"))
                .isEqualTo(AuditEntryHash.of(null, SUBJECT, AT, "jane", "USER", "customer.read", "p"));
    }

    @Test
    void theHashIsThirtyTwoBytesAsTheTableRequires() {
        assertThat(AuditEntryHash.of(null, SUBJECT, AT, "jane", "USER", "customer.read", "p"))
                .hasSize(AuditEntryHash.LENGTH);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
