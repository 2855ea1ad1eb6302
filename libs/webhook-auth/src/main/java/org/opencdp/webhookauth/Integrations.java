package org.opencdp.webhookauth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opencdp.audit.AuditTrail;
import org.opencdp.personaldata.PersonalDataCipher;
import org.opencdp.personaldata.SubjectKeyVault;
import org.opencdp.problem.ProblemException;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The integrations and their secrets: register (a generated secret, shown once, or sipgate's public key), rotate with
 * an overlap, revoke. A shared secret is encrypted with a data key of its own integration, kept in the key database
 * like a subject's (re-wrapped on master-key rotation, destroyed on revocation); a 3CX API key is kept as its SHA-256
 * only. Every change is recorded in the audit trail under the integration's id.
 */
@ApplicationScoped
public class Integrations {

    /** How long an old secret may stay valid after a rotation, at most. */
    static final Duration MAX_OVERLAP = Duration.ofDays(30);

    private static final Pattern NAME = Pattern.compile(Integration.NAME_PATTERN);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SECRET_FIELD = "integration-secret:";

    /** A registered or rotated integration with its new secret in clear: the only time anyone sees it. */
    public record WithSecret(Integration integration, String secret) {}

    @Inject
    IntegrationRepository repository;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    SubjectKeyVault keys;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Transactional
    public WithSecret register(String name, IntegrationKind kind, String publicKeyPem) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ProblemException.invalidField(
                    "name", "must be a lowercase letter, then 2 to 63 lowercase letters, digits or -");
        }
        if (kind == null) {
            throw ProblemException.invalidField("kind", "must be GENERIC_HMAC, ZAMMAD, SIPGATE or THREECX");
        }
        Integration integration = new Integration(UUID.randomUUID(), name, kind, now(), null);
        requireKeyOnlyForSipgate(kind, publicKeyPem);
        if (!repository.insert(integration)) {
            throw ProblemException.conflict("An integration with this name exists already.");
        }
        String secret = addSecret(integration, publicKeyPem);
        audit.record(integration.id(), "integration.register", "POST /api/v1/integrations");
        return new WithSecret(integration, secret);
    }

    public List<Integration> list() {
        return repository.all();
    }

    public Integration get(String name) {
        return repository.find(name).orElseThrow(() -> ProblemException.notFound("No integration has this name."));
    }

    /**
     * A new secret; the ones valid now stay valid until {@code previousValidUntil}, at most {@link #MAX_OVERLAP}
     * ahead, then only the new one is. A time not after now switches at once (the old ones are deleted).
     */
    @Transactional
    public WithSecret rotate(String name, Instant previousValidUntil, String publicKeyPem) {
        Integration integration = active(name);
        requireKeyOnlyForSipgate(integration.kind(), publicKeyPem);
        Instant now = now();
        if (previousValidUntil == null || previousValidUntil.isAfter(now.plus(MAX_OVERLAP))) {
            throw ProblemException.invalidField(
                    "previousValidUntil",
                    "must be a time at most " + MAX_OVERLAP.toDays() + " days ahead (now or earlier: at once)");
        }
        Instant until = previousValidUntil.isBefore(now) ? now : previousValidUntil;
        repository.endValidSecrets(integration.id(), until, now);
        String secret = addSecret(integration, publicKeyPem);
        audit.record(integration.id(), "integration.rotate-secret", "POST /api/v1/integrations/{name}/secrets");
        return new WithSecret(integration, secret);
    }

    /**
     * Every secret deleted, the integration's data key destroyed after that committed (copies of its encrypted
     * secrets in backups become unreadable); its requests are refused from then on. The name stays taken.
     */
    public void revoke(String name) {
        Integration integration = QuarkusTransaction.requiringNew().call(() -> {
            Integration found = active(name);
            repository.revoke(found.id(), now());
            audit.record(found.id(), "integration.revoke", "DELETE /api/v1/integrations/{name}");
            return found;
        });
        keys.destroy(integration.id());
    }

    /** The integration of a door request, if it exists, is of this kind and is not revoked. */
    Optional<Integration> activeOfKind(String name, IntegrationKind kind) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return repository.find(name).filter(i -> i.kind() == kind && !i.revoked());
    }

    /** The shared secrets valid now, decrypted, for the HMAC schemes. */
    List<byte[]> sharedSecrets(Integration integration) {
        return repository.validSecrets(integration.id(), now()).stream()
                .filter(s -> s.encryptedSecret() != null)
                .map(s -> cipher.decrypt(integration.id(), SECRET_FIELD + s.id(), s.encryptedSecret())
                        .getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    List<IntegrationSecret> validSecrets(Integration integration) {
        return repository.validSecrets(integration.id(), now());
    }

    private Integration active(String name) {
        Integration integration = get(name);
        if (integration.revoked()) {
            throw ProblemException.conflict("This integration is revoked; register a new one.");
        }
        return integration;
    }

    private String addSecret(Integration integration, String publicKeyPem) {
        UUID id = UUID.randomUUID();
        IntegrationKind kind = integration.kind();
        if (!kind.hasGeneratedSecret()) {
            repository.insert(
                    new IntegrationSecret(id, integration.id(), now(), null, null, null, publicKeyPem.strip()));
            return null;
        }
        String secret = newSecret();
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        repository.insert(
                kind.storesHashOnly()
                        ? new IntegrationSecret(
                                id, integration.id(), now(), null, null, WebhookSignatures.sha256(bytes), null)
                        : new IntegrationSecret(
                                id,
                                integration.id(),
                                now(),
                                null,
                                cipher.encrypt(integration.id(), SECRET_FIELD + id, secret),
                                null,
                                null));
        return secret;
    }

    private static void requireKeyOnlyForSipgate(IntegrationKind kind, String publicKeyPem) {
        if (kind == IntegrationKind.SIPGATE) {
            if (WebhookSignatures.rsaPublicKey(publicKeyPem).isEmpty()) {
                throw ProblemException.invalidField(
                        "publicKeyPem", "must be an RSA public key of at least 2048 bits in PEM (BEGIN PUBLIC KEY)");
            }
        } else if (publicKeyPem != null) {
            throw ProblemException.invalidField(
                    "publicKeyPem", "only for SIPGATE; the secret of the other kinds is generated");
        }
    }

    /** {@code ocdp_} and 256 random bits in base64url: easy to paste, safe in a header or a URL. */
    private static String newSecret() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return "ocdp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
