package org.opencdp.webhookauth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
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
        return update(
                        "INSERT INTO integration (" + INTEGRATION + ") VALUES (?, ?, ?, ?, ?) "
                                + "ON CONFLICT (name) DO NOTHING",
                        integration.id(),
                        integration.name(),
                        integration.kind().name(),
                        Timestamp.from(integration.createdAt()),
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
        update(
                "INSERT INTO integration_secret (" + SECRET + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                secret.id(),
                secret.integrationId(),
                Timestamp.from(secret.createdAt()),
                secret.validUntil() == null ? null : Timestamp.from(secret.validUntil()),
                secret.encryptedSecret(),
                secret.secretHash(),
                secret.publicKeyPem());
    }

    /** The integration's secrets still valid at {@code now}, newest first. */
    public List<IntegrationSecret> validSecrets(UUID integrationId, Instant now) {
        List<IntegrationSecret> secrets = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = prepare(
                        c,
                        "SELECT " + SECRET + " FROM integration_secret WHERE integration_id = ? "
                                + "AND (valid_until IS NULL OR valid_until > ?) ORDER BY created_at DESC",
                        integrationId,
                        Timestamp.from(now));
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                Timestamp until = rs.getTimestamp(4);
                secrets.add(new IntegrationSecret(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant(),
                        until == null ? null : until.toInstant(),
                        rs.getBytes(5),
                        rs.getBytes(6),
                        rs.getString(7)));
            }
        } catch (SQLException e) {
            throw Jdbc.failure("cannot read integration secrets", e);
        }
        return secrets;
    }

    /** Ends every secret valid at {@code now} at {@code until} (or earlier, if it ends earlier already). */
    public void endValidSecrets(UUID integrationId, Instant until, Instant now) {
        update(
                "UPDATE integration_secret SET valid_until = LEAST(COALESCE(valid_until, ?), ?) "
                        + "WHERE integration_id = ? AND (valid_until IS NULL OR valid_until > ?)",
                Timestamp.from(until),
                Timestamp.from(until),
                integrationId,
                Timestamp.from(now));
        update(
                "DELETE FROM integration_secret WHERE integration_id = ? AND valid_until <= ?",
                integrationId,
                Timestamp.from(now));
    }

    /** Marks the integration revoked and deletes all its secrets; false if it was revoked already. */
    public boolean revoke(UUID integrationId, Instant now) {
        update("DELETE FROM integration_secret WHERE integration_id = ?", integrationId);
        return update(
                        "UPDATE integration SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                        Timestamp.from(now),
                        integrationId)
                == 1;
    }

    /** Remembers an accepted signature; false if it was seen before (a replay). */
    public boolean rememberSignature(UUID integrationId, byte[] signature, Instant forgetAfter) {
        return update(
                        "INSERT INTO webhook_signature (integration_id, signature, forget_after) VALUES (?, ?, ?) "
                                + "ON CONFLICT DO NOTHING",
                        integrationId,
                        signature,
                        Timestamp.from(forgetAfter))
                == 1;
    }

    public int forgetSignatures(Instant now) {
        return update("DELETE FROM webhook_signature WHERE forget_after < ?", Timestamp.from(now));
    }

    public Optional<Delivery> delivery(UUID integrationId, String deliveryId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = prepare(
                        c,
                        "SELECT status, content_type, body FROM webhook_delivery "
                                + "WHERE integration_id = ? AND delivery_id = ?",
                        integrationId,
                        deliveryId);
                ResultSet rs = select.executeQuery()) {
            return rs.next()
                    ? Optional.of(new Delivery(rs.getInt(1), rs.getString(2), rs.getBytes(3)))
                    : Optional.empty();
        } catch (SQLException e) {
            throw Jdbc.failure("cannot read webhook deliveries", e);
        }
    }

    /** Keeps the first answer to a delivery; a later one for the same id changes nothing. */
    public void recordDelivery(UUID integrationId, String deliveryId, Delivery answer, Instant now) {
        update(
                "INSERT INTO webhook_delivery (integration_id, delivery_id, status, content_type, body, received_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                integrationId,
                deliveryId,
                answer.status(),
                answer.contentType(),
                answer.body(),
                Timestamp.from(now));
    }

    public int forgetDeliveries(Instant before) {
        return update("DELETE FROM webhook_delivery WHERE received_at < ?", Timestamp.from(before));
    }

    private List<Integration> integrations(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement statement = prepare(c, sql, parameters);
                ResultSet rs = statement.executeQuery()) {
            List<Integration> found = new ArrayList<>();
            while (rs.next()) {
                Timestamp revoked = rs.getTimestamp(5);
                found.add(new Integration(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        IntegrationKind.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(),
                        revoked == null ? null : revoked.toInstant()));
            }
            return found;
        } catch (SQLException e) {
            throw Jdbc.failure("cannot read integrations", e);
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement statement = prepare(c, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("cannot change integrations", e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == null) {
                statement.setNull(i + 1, java.sql.Types.NULL);
            } else {
                statement.setObject(i + 1, parameters[i]);
            }
        }
        return statement;
    }
}
