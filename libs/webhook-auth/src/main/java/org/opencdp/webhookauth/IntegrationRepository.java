package org.opencdp.webhookauth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.jdbc.Jdbc;

/**
 * The tables of libs/webhook-auth. Plain JDBC on the datasource; inside a transaction of the caller the statements
 * join it (rotation and revocation change several rows at once).
 */
@ApplicationScoped
public class IntegrationRepository {

    private static final String INTEGRATION = "id, name, kind, created_at, revoked_at";
    private static final String SECRET =
            "id, integration_id, created_at, valid_until, encrypted_secret, secret_hash, public_key_pem";

    /** A delivery answered before, with the answer it got. */
    public record Delivery(int status, String contentType, byte[] body) {}

    @Inject
    DataSource dataSource;

    /** False if the name is taken. */
    public boolean insert(Integration integration) {
        return Jdbc.update(
                        dataSource,
                        "INSERT INTO integration (" + INTEGRATION + ") VALUES (?, ?, ?, ?, ?) "
                                + "ON CONFLICT (name) DO NOTHING",
                        integration.id(),
                        integration.name(),
                        integration.kind(),
                        integration.createdAt(),
                        null)
                == 1;
    }

    public Optional<Integration> find(String name) {
        return integrations("SELECT " + INTEGRATION + " FROM integration WHERE name = ?", name).stream()
                .findFirst();
    }

    public List<Integration> all() {
        return integrations("SELECT " + INTEGRATION + " FROM integration ORDER BY name");
    }

    public void insert(IntegrationSecret secret) {
        Jdbc.update(
                dataSource,
                "INSERT INTO integration_secret (" + SECRET + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                secret.id(),
                secret.integrationId(),
                secret.createdAt(),
                secret.validUntil(),
                secret.encryptedSecret(),
                secret.secretHash(),
                secret.publicKeyPem());
    }

    /** The integration's secrets still valid at {@code now}, newest first. */
    public List<IntegrationSecret> validSecrets(UUID integrationId, Instant now) {
        return Jdbc.list(
                dataSource,
                "SELECT " + SECRET + " FROM integration_secret WHERE integration_id = ? "
                        + "AND (valid_until IS NULL OR valid_until > ?) ORDER BY created_at DESC",
                rs -> new IntegrationSecret(
                        Jdbc.uuid(rs, 1),
                        Jdbc.uuid(rs, 2),
                        Jdbc.instant(rs, 3),
                        Jdbc.instant(rs, 4),
                        rs.getBytes(5),
                        rs.getBytes(6),
                        rs.getString(7)),
                integrationId,
                now);
    }

    /** Ends every secret valid at {@code now} at {@code until} (or earlier, if it ends earlier already). */
    public void endValidSecrets(UUID integrationId, Instant until, Instant now) {
        Jdbc.update(
                dataSource,
                "UPDATE integration_secret SET valid_until = LEAST(COALESCE(valid_until, ?), ?) "
                        + "WHERE integration_id = ? AND (valid_until IS NULL OR valid_until > ?)",
                until,
                until,
                integrationId,
                now);
        Jdbc.update(
                dataSource,
                "DELETE FROM integration_secret WHERE integration_id = ? AND valid_until <= ?",
                integrationId,
                now);
    }

    /** Marks the integration revoked and deletes all its secrets; false if it was revoked already. */
    public boolean revoke(UUID integrationId, Instant now) {
        Jdbc.update(dataSource, "DELETE FROM integration_secret WHERE integration_id = ?", integrationId);
        return Jdbc.update(
                        dataSource,
                        "UPDATE integration SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                        now,
                        integrationId)
                == 1;
    }

    /** Remembers an accepted signature; false if it was seen before (a replay). */
    public boolean rememberSignature(UUID integrationId, byte[] signature, Instant forgetAfter) {
        return Jdbc.update(
                        dataSource,
                        "INSERT INTO webhook_signature (integration_id, signature, forget_after) VALUES (?, ?, ?) "
                                + "ON CONFLICT DO NOTHING",
                        integrationId,
                        signature,
                        forgetAfter)
                == 1;
    }

    public int forgetSignatures(Instant now) {
        return Jdbc.update(dataSource, "DELETE FROM webhook_signature WHERE forget_after < ?", now);
    }

    public Optional<Delivery> delivery(UUID integrationId, String deliveryId) {
        return Jdbc.first(
                dataSource,
                "SELECT status, content_type, body FROM webhook_delivery WHERE integration_id = ? AND delivery_id = ?",
                rs -> new Delivery(rs.getInt(1), rs.getString(2), rs.getBytes(3)),
                integrationId,
                deliveryId);
    }

    /** Keeps the first answer to a delivery; a later one for the same id changes nothing. */
    public void recordDelivery(UUID integrationId, String deliveryId, Delivery answer, Instant now) {
        Jdbc.update(
                dataSource,
                "INSERT INTO webhook_delivery (integration_id, delivery_id, status, content_type, body, received_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                integrationId,
                deliveryId,
                answer.status(),
                answer.contentType(),
                answer.body(),
                now);
    }

    public int forgetDeliveries(Instant before) {
        return Jdbc.update(dataSource, "DELETE FROM webhook_delivery WHERE received_at < ?", before);
    }

    private List<Integration> integrations(String sql, Object... parameters) {
        return Jdbc.list(
                dataSource,
                sql,
                rs -> new Integration(
                        Jdbc.uuid(rs, 1),
                        rs.getString(2),
                        IntegrationKind.valueOf(rs.getString(3)),
                        Jdbc.instant(rs, 4),
                        Jdbc.instant(rs, 5)),
                parameters);
    }
}
