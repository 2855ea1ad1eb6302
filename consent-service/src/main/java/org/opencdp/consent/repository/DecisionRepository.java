package org.opencdp.consent.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.consent.domain.ConsentStatus;
import org.opencdp.consent.domain.Decision;
import org.opencdp.consent.domain.DecisionQuery;
import org.opencdp.consent.domain.HolderType;
import org.opencdp.consent.domain.LegalBasis;
import org.opencdp.jdbc.Jdbc;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;

/**
 * Decides a batch in one statement: the pairs go in as parallel arrays and come out in their order, each joined to
 * its purpose, its projection row, the holder's objection and the erased-holder mark. It reads the committed
 * projection in the primary, so a revocation acknowledged before is always seen.
 *
 * <p>Its statements run on a pool of their own ({@value #DATASOURCE}: the same database, user and primary, every
 * statement committed on its own) whose sessions plan generically ({@code SET plan_cache_mode = force_generic_plan} on
 * each new connection). For the batch statement PostgreSQL would otherwise plan every execution anew: it estimates the
 * rows of the unnested arrays from the values bound, so each batch of a few coalesced single decisions looks cheaper
 * planned for itself than the generic plan, and planning (about 0.25 ms, five relations) costs several times the
 * execution (about 0.03 ms). The generic plan (nested loops over the primary keys) suits 1 to 1,000 pairs.
 */
@ApplicationScoped
public class DecisionRepository {

    /** The datasource of the decision statements (application.properties). */
    static final String DATASOURCE = "decisions";

    @Inject
    @DataSource(DATASOURCE)
    AgroalDataSource dataSource;

    /**
     * One pair, the hot path of single decisions: the same joins as {@link #decide(List)} with plain parameters, so
     * that neither the driver nor the server builds, parses and unnests arrays for one pair.
     */
    public Optional<Decision> decide(DecisionQuery query) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT p.legal_basis, p.direct_marketing, s.status, s.entry_id,
                           o.entry_id AS objection_entry_id,
                           EXISTS (SELECT 1 FROM erased_holder e WHERE e.holder_type = ? AND e.holder_id = ?) AS erased
                      FROM purpose p
                      LEFT JOIN consent_state s ON s.holder_type = ? AND s.holder_id = ? AND s.purpose_id = p.id
                      LEFT JOIN subject_objection o ON ? = 'SUBJECT' AND o.subject_id = ?
                     WHERE p.id = ?""")) {
                HolderType type = query.holder().type();
                UUID holder = query.holder().id();
                Jdbc.bind(c, select, type, holder, type, holder, type, holder, query.purposeId());
                ResultSet row = select.executeQuery();
                return row.next() ? Optional.of(decision(query, row)) : Optional.empty();
            }
        });
    }

    /** One decision per query, in their order; null where the purpose is not in the catalog. */
    public List<Decision> decide(List<DecisionQuery> queries) {
        int n = queries.size();
        String[] types = new String[n];
        List<UUID> holders = new ArrayList<>(n);
        String[] purposes = new String[n];
        for (int i = 0; i < n; i++) {
            DecisionQuery query = queries.get(i);
            types[i] = query.holder().type().name();
            holders.add(query.holder().id());
            purposes[i] = query.purposeId();
        }
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT q.ord, p.legal_basis, p.direct_marketing, s.status, s.entry_id,
                           o.entry_id AS objection_entry_id, e.holder_id IS NOT NULL AS erased
                      FROM unnest(?::text[], ?::uuid[], ?::text[]) WITH ORDINALITY AS q (holder_type, holder_id, purpose_id, ord)
                      LEFT JOIN purpose p ON p.id = q.purpose_id
                      LEFT JOIN consent_state s
                             ON s.holder_type = q.holder_type AND s.holder_id = q.holder_id AND s.purpose_id = q.purpose_id
                      LEFT JOIN subject_objection o ON q.holder_type = 'SUBJECT' AND o.subject_id = q.holder_id
                      LEFT JOIN erased_holder e ON e.holder_type = q.holder_type AND e.holder_id = q.holder_id
                     ORDER BY q.ord""")) {
                Jdbc.bind(c, select, types, holders, purposes);
                ResultSet rows = select.executeQuery();
                List<Decision> decisions = new ArrayList<>(n);
                while (rows.next()) {
                    decisions.add(decision(queries.get(rows.getInt("ord") - 1), rows));
                }
                return decisions;
            }
        });
    }

    /** The decision of a row of either statement; null where the purpose is not in the catalog. */
    private static Decision decision(DecisionQuery query, ResultSet row) throws SQLException {
        String basis = row.getString("legal_basis");
        if (basis == null) {
            return null;
        }
        LegalBasis legalBasis = LegalBasis.valueOf(basis);
        String status = row.getString("status");
        return Decision.of(
                query,
                legalBasis,
                row.getBoolean("direct_marketing") || legalBasis == LegalBasis.LEGITIMATE_INTEREST,
                status == null ? null : ConsentStatus.valueOf(status),
                row.getObject("entry_id", UUID.class),
                row.getObject("objection_entry_id", UUID.class),
                row.getBoolean("erased"));
    }
}
