package org.opencdp.webhookauth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature computations of each scheme, over the raw body bytes, and their constant-time comparison. No state:
 * which secret applies and what was seen before is {@link WebhookDoorFilter}'s business.
 */
public final class WebhookSignatures {

    /** The version tag of the generic scheme's signatures: {@code X-OpenCDP-Signature: v1=<hex>}. */
    public static final String GENERIC_VERSION = "v1=";

    private static final String ZAMMAD_PREFIX = "sha1=";
    private static final int MAX_SIGNATURES = 5;

    private WebhookSignatures() {}

    /** HMAC-SHA256(secret, timestamp + "." + body), the generic scheme. */
    public static byte[] generic(byte[] secret, String timestamp, byte[] body) {
        Mac mac = mac("HmacSHA256", secret);
        mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) '.');
        return mac.doFinal(body);
    }

    /**
     * The signatures of an {@code X-OpenCDP-Signature} header: one or more {@code v1=<64 hex>}, comma-separated (a
     * sender rotating its secret may sign with both). Empty when the header is missing or malformed.
     */
    public static List<byte[]> genericSignatures(String header) {
        List<byte[]> signatures = new ArrayList<>();
        if (header == null || header.length() > 1000) {
            return signatures;
        }
        for (String part : header.split(",")) {
            String value = part.strip();
            if (!value.startsWith(GENERIC_VERSION) || signatures.size() == MAX_SIGNATURES) {
                continue;
            }
            hex(value.substring(GENERIC_VERSION.length()), 32).ifPresent(signatures::add);
        }
        return signatures;
    }

    /** HMAC-SHA1(token, body), Zammad's {@code X-Hub-Signature}. */
    public static byte[] zammad(byte[] token, byte[] body) {
        return mac("HmacSHA1", token).doFinal(body);
    }

    /** The digest of an {@code X-Hub-Signature: sha1=<40 hex>} header, empty when missing or malformed. */
    public static Optional<byte[]> zammadSignature(String header) {
        if (header == null || !header.startsWith(ZAMMAD_PREFIX)) {
            return Optional.empty();
        }
        return hex(header.substring(ZAMMAD_PREFIX.length()), 20);
    }

    /** Whether {@code base64Signature} is an RSA-SHA256 (PKCS#1 v1.5) signature of the body under the key. */
    public static boolean sipgate(PublicKey key, byte[] body, String base64Signature) {
        if (base64Signature == null || base64Signature.length() > 2000) {
            return false;
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(base64Signature.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(body);
            return verifier.verify(signature);
        } catch (java.security.SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA-SHA256 is not available", e);
        }
    }

    /** An RSA public key from its PEM ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo). */
    public static Optional<RSAPublicKey> rsaPublicKey(String pem) {
        if (pem == null || !pem.contains("-----BEGIN PUBLIC KEY-----")) {
            return Optional.empty();
        }
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "")
                .replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        try {
            PublicKey key = KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() >= 2048
                    ? Optional.of(rsa)
                    : Optional.empty();
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** SHA-256, how a 3CX API key is kept. */
    public static byte[] sha256(byte[] value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Constant-time comparison: how long it takes does not tell how many leading bytes matched. */
    public static boolean same(byte[] expected, byte[] given) {
        return MessageDigest.isEqual(expected, given);
    }

    private static Optional<byte[]> hex(String value, int bytes) {
        if (value.length() != bytes * 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(HexFormat.of().parseHex(value.toLowerCase()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Mac mac(String algorithm, byte[] key) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}
