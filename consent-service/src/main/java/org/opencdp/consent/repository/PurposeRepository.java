package org.opencdp.consent.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
        return Jdbc.list(dataSource, SELECT_PURPOSE + " ORDER BY p.id", PurposeRepository::purpose);
    }

    public Optional<Purpose> find(String id) {
        return Jdbc.first(dataSource, SELECT_PURPOSE + " WHERE p.id = ?", PurposeRepository::purpose, id);
    }

    public boolean exists(String id) {
        return find(id).isPresent();
    }

    public void insert(Purpose purpose) {
        Jdbc.update(
                dataSource,
                """
                INSERT INTO purpose (id, legal_basis, direct_marketing, double_opt_in, data_categories, retention,
                                     retention_period, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                purpose.id(),
                purpose.legalBasis(),
                purpose.directMarketing(),
                purpose.doubleOptIn(),
                purpose.dataCategories().toArray(String[]::new),
                purpose.retention(),
                purpose.retentionPeriod(),
                purpose.createdAt());
    }

    /** Sets a purpose's attributes; the caller holds its row lock ({@link #lock}) and logs the change. */
    public void updateAttributes(String purposeId, PurposeAttributes a) {
        Jdbc.update(
                dataSource,
                """
                UPDATE purpose SET legal_basis = ?, direct_marketing = ?, double_opt_in = ?, data_categories = ?,
                                   retention = ?, retention_period = ?
                 WHERE id = ?""",
                a.legalBasis(),
                a.directMarketing(),
                a.doubleOptIn(),
                a.dataCategories().toArray(String[]::new),
                a.retention(),
                a.retentionPeriod(),
                purposeId);
    }

    /** Appends to the purpose's change log (number 0 at creation, then the next number). */
    public void logChange(String purposeId, PurposeChange change) {
        PurposeAttributes a = change.attributes();
        Jdbc.update(
                dataSource,
                """
                INSERT INTO purpose_change (purpose_id, number, changed_at, changed_by, legal_basis,
                    direct_marketing, double_opt_in, data_categories, retention, retention_period)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                purposeId,
                change.number(),
                change.changedAt(),
                change.changedBy(),
                a.legalBasis(),
                a.directMarketing(),
                a.doubleOptIn(),
                a.dataCategories().toArray(String[]::new),
                a.retention(),
                a.retentionPeriod());
    }

    /** The purpose's change log, oldest first. */
    public List<PurposeChange> changes(String purposeId) {
        return Jdbc.list(
                dataSource,
                """
                SELECT number, changed_at, changed_by, legal_basis, direct_marketing, double_opt_in,
                       data_categories, retention, retention_period
                  FROM purpose_change WHERE purpose_id = ? ORDER BY number""",
                rows -> new PurposeChange(
                        rows.getInt("number"),
                        Jdbc.instant(rows, "changed_at"),
                        rows.getString("changed_by"),
                        new PurposeAttributes(
                                LegalBasis.valueOf(rows.getString("legal_basis")),
                                rows.getBoolean("direct_marketing"),
                                rows.getBoolean("double_opt_in"),
                                Arrays.asList((String[])
                                        rows.getArray("data_categories").getArray()),
                                rows.getString("retention"),
                                rows.getString("retention_period"))),
                purposeId);
    }

    /** Whether the ledger holds any entry for the purpose (kept entries under a legal hold count too). */
    public boolean hasLedgerEntries(String purposeId) {
        return Jdbc.first(
                        dataSource, "SELECT 1 FROM consent_entry WHERE purpose_id = ? LIMIT 1", rows -> true, purposeId)
                .isPresent();
    }

    /**
     * Publishes the next version of a purpose. The caller holds the purpose's row lock ({@link #lock}), so two
     * publications at once get consecutive numbers.
     */
    public void insertVersion(String purposeId, PurposeVersion version) {
        Jdbc.with(dataSource, c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO purpose_version (purpose_id, version, created_at, created_by) VALUES (?, ?, ?, ?)")) {
                Jdbc.bind(c, insert, purposeId, version.version(), version.createdAt(), version.createdBy());
                insert.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO purpose_text (purpose_id, version, language, title, body, text_hash)
                    VALUES (?, ?, ?, ?, ?, ?)""")) {
                for (PurposeText text : version.texts().values()) {
                    Jdbc.bind(
                            c,
                            insert,
                            purposeId,
                            version.version(),
                            text.language(),
                            text.title(),
                            text.body(),
                            text.hash());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** Locks the purpose's row until the transaction ends; false when there is no such purpose. */
    public boolean lock(String purposeId) {
        return Jdbc.first(dataSource, "SELECT 1 FROM purpose WHERE id = ? FOR UPDATE", rows -> true, purposeId)
                .isPresent();
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
            Jdbc.bind(c, select, purposeId, only, only);
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

    private static Purpose purpose(ResultSet rows) throws SQLException {
        return new Purpose(
                rows.getString("id"),
                LegalBasis.valueOf(rows.getString("legal_basis")),
                rows.getBoolean("direct_marketing"),
                rows.getBoolean("double_opt_in"),
                Arrays.asList((String[]) rows.getArray("data_categories").getArray()),
                rows.getString("retention"),
                rows.getString("retention_period"),
                Jdbc.instant(rows, "created_at"),
                rows.getInt("latest_version"));
    }
}
