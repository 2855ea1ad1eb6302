package org.opencdp.consent.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.consent.domain.LegalBasis;
import org.opencdp.consent.domain.Purpose;
import org.opencdp.consent.domain.PurposeAttributes;
import org.opencdp.consent.domain.PurposeChange;
import org.opencdp.consent.domain.PurposeText;
import org.opencdp.consent.domain.PurposeVersion;
import org.opencdp.jdbc.Jdbc;

/** The purpose catalog's tables: purposes, their versions and the texts of each version. */
@ApplicationScoped
public class PurposeRepository {

    private static final String SELECT_PURPOSE = """
            SELECT p.id, p.legal_basis, p.direct_marketing, p.double_opt_in, p.data_categories, p.retention,
                   p.retention_period, p.created_at,
                   (SELECT max(v.version) FROM purpose_version v WHERE v.purpose_id = p.id) AS latest_version
              FROM purpose p""";

    @Inject
    DataSource dataSource;

    public List<Purpose> all() {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement(SELECT_PURPOSE + " ORDER BY p.id")) {
                return purposes(select.executeQuery());
            }
        });
    }

    public Optional<Purpose> find(String id) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement(SELECT_PURPOSE + " WHERE p.id = ?")) {
                select.setString(1, id);
                return purposes(select.executeQuery()).stream().findFirst();
            }
        });
    }

    public boolean exists(String id) {
        return find(id).isPresent();
    }

    public void insert(Purpose purpose) {
        Jdbc.with(dataSource, c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO purpose (id, legal_basis, direct_marketing, double_opt_in, data_categories, retention,
                                         retention_period, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setString(1, purpose.id());
                insert.setString(2, purpose.legalBasis().name());
                insert.setBoolean(3, purpose.directMarketing());
                insert.setBoolean(4, purpose.doubleOptIn());
                insert.setArray(
                        5, c.createArrayOf("text", purpose.dataCategories().toArray()));
                insert.setString(6, purpose.retention());
                insert.setString(7, purpose.retentionPeriod());
                insert.setTimestamp(8, Timestamp.from(purpose.createdAt()));
                return insert.executeUpdate();
            }
        });
    }

    /** Sets a purpose's attributes; the caller holds its row lock ({@link #lock}) and logs the change. */
    public void updateAttributes(String purposeId, PurposeAttributes a) {
        Jdbc.with(dataSource, c -> {
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE purpose SET legal_basis = ?, direct_marketing = ?, double_opt_in = ?, data_categories = ?,
                                       retention = ?, retention_period = ?
                     WHERE id = ?""")) {
                update.setString(1, a.legalBasis().name());
                update.setBoolean(2, a.directMarketing());
                update.setBoolean(3, a.doubleOptIn());
                update.setArray(4, c.createArrayOf("text", a.dataCategories().toArray()));
                update.setString(5, a.retention());
                update.setString(6, a.retentionPeriod());
                update.setString(7, purposeId);
                return update.executeUpdate();
            }
        });
    }

    /** Appends to the purpose's change log (number 0 at creation, then the next number). */
    public void logChange(String purposeId, PurposeChange change) {
        Jdbc.with(dataSource, c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO purpose_change (purpose_id, number, changed_at, changed_by, legal_basis,
                        direct_marketing, double_opt_in, data_categories, retention, retention_period)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                PurposeAttributes a = change.attributes();
                insert.setString(1, purposeId);
                insert.setInt(2, change.number());
                insert.setTimestamp(3, Timestamp.from(change.changedAt()));
                insert.setString(4, change.changedBy());
                insert.setString(5, a.legalBasis().name());
                insert.setBoolean(6, a.directMarketing());
                insert.setBoolean(7, a.doubleOptIn());
                insert.setArray(8, c.createArrayOf("text", a.dataCategories().toArray()));
                insert.setString(9, a.retention());
                insert.setString(10, a.retentionPeriod());
                return insert.executeUpdate();
            }
        });
    }

    /** The purpose's change log, oldest first. */
    public List<PurposeChange> changes(String purposeId) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT number, changed_at, changed_by, legal_basis, direct_marketing, double_opt_in,
                           data_categories, retention, retention_period
                      FROM purpose_change WHERE purpose_id = ? ORDER BY number""")) {
                select.setString(1, purposeId);
                ResultSet rows = select.executeQuery();
                List<PurposeChange> changes = new ArrayList<>();
                while (rows.next()) {
                    changes.add(new PurposeChange(
                            rows.getInt("number"),
                            rows.getTimestamp("changed_at").toInstant(),
                            rows.getString("changed_by"),
                            new PurposeAttributes(
                                    LegalBasis.valueOf(rows.getString("legal_basis")),
                                    rows.getBoolean("direct_marketing"),
                                    rows.getBoolean("double_opt_in"),
                                    Arrays.asList((String[])
                                            rows.getArray("data_categories").getArray()),
                                    rows.getString("retention"),
                                    rows.getString("retention_period"))));
                }
                return changes;
            }
        });
    }

    /** Whether the ledger holds any entry for the purpose (kept entries under a legal hold count too). */
    public boolean hasLedgerEntries(String purposeId) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement select =
                    c.prepareStatement("SELECT 1 FROM consent_entry WHERE purpose_id = ? LIMIT 1")) {
                select.setString(1, purposeId);
                return select.executeQuery().next();
            }
        });
    }

    /**
     * Publishes the next version of a purpose. The caller holds the purpose's row lock ({@link #lock}), so two
     * publications at once get consecutive numbers.
     */
    public void insertVersion(String purposeId, PurposeVersion version) {
        Jdbc.with(dataSource, c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO purpose_version (purpose_id, version, created_at, created_by) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, purposeId);
                insert.setInt(2, version.version());
                insert.setTimestamp(3, Timestamp.from(version.createdAt()));
                insert.setString(4, version.createdBy());
                insert.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO purpose_text (purpose_id, version, language, title, body, text_hash)
                    VALUES (?, ?, ?, ?, ?, ?)""")) {
                for (PurposeText text : version.texts().values()) {
                    insert.setString(1, purposeId);
                    insert.setInt(2, version.version());
                    insert.setString(3, text.language());
                    insert.setString(4, text.title());
                    insert.setString(5, text.body());
                    insert.setString(6, text.hash());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** Locks the purpose's row until the transaction ends; false when there is no such purpose. */
    public boolean lock(String purposeId) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement lock = c.prepareStatement("SELECT 1 FROM purpose WHERE id = ? FOR UPDATE")) {
                lock.setString(1, purposeId);
                return lock.executeQuery().next();
            }
        });
    }

    /** The purpose's versions, oldest first. */
    public List<PurposeVersion> versions(String purposeId) {
        return Jdbc.with(dataSource, c -> versions(c, purposeId, null));
    }

    public Optional<PurposeVersion> version(String purposeId, int version) {
        return Jdbc.with(
                dataSource, c -> versions(c, purposeId, version).stream().findFirst());
    }

    private static List<PurposeVersion> versions(Connection c, String purposeId, Integer only) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT v.version, v.created_at, v.created_by, t.language, t.title, t.body, t.text_hash
                  FROM purpose_version v JOIN purpose_text t USING (purpose_id, version)
                 WHERE v.purpose_id = ? AND (?::int IS NULL OR v.version = ?::int)
                 ORDER BY v.version, t.language""")) {
            select.setString(1, purposeId);
            select.setObject(2, only);
            select.setObject(3, only);
            ResultSet rows = select.executeQuery();
            Map<Integer, PurposeVersion> versions = new LinkedHashMap<>();
            while (rows.next()) {
                int number = rows.getInt("version");
                Instant createdAt = rows.getTimestamp("created_at").toInstant();
                String createdBy = rows.getString("created_by");
                PurposeVersion version = versions.computeIfAbsent(
                        number, n -> new PurposeVersion(n, createdAt, createdBy, new LinkedHashMap<>()));
                PurposeText text = new PurposeText(
                        rows.getString("language"),
                        rows.getString("title"),
                        rows.getString("body"),
                        rows.getString("text_hash"));
                version.texts().put(text.language(), text);
            }
            List<PurposeVersion> result = new ArrayList<>();
            versions.values()
                    .forEach(v -> result.add(
                            new PurposeVersion(v.version(), v.createdAt(), v.createdBy(), Map.copyOf(v.texts()))));
            return result;
        }
    }

    private static List<Purpose> purposes(ResultSet rows) throws SQLException {
        List<Purpose> purposes = new ArrayList<>();
        while (rows.next()) {
            purposes.add(new Purpose(
                    rows.getString("id"),
                    LegalBasis.valueOf(rows.getString("legal_basis")),
                    rows.getBoolean("direct_marketing"),
                    rows.getBoolean("double_opt_in"),
                    Arrays.asList((String[]) rows.getArray("data_categories").getArray()),
                    rows.getString("retention"),
                    rows.getString("retention_period"),
                    rows.getTimestamp("created_at").toInstant(),
                    rows.getInt("latest_version")));
        }
        return purposes;
    }
}
