package org.opencdp.profile.repository;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.jdbc.Jdbc;
import org.opencdp.profile.domain.CustomerSearchTerm;

/** Lookups in the blind index. Every criterion is a set of hashes a customer must all have. */
@ApplicationScoped
public class SearchTermRepository {

    @Inject
    DataSource dataSource;

    /** A hash a matching customer must carry under the given kind. */
    public record Criterion(CustomerSearchTerm.Kind kind, byte[] hash) {}

    public void replaceTermsOf(UUID customerId, List<CustomerSearchTerm> terms) {
        Jdbc.update(dataSource, "DELETE FROM customer_search_term WHERE customer_id = ?", customerId);
        add(terms);
    }

    /** The entries of a customer that has none yet, as one JDBC batch (about five rows a customer). */
    public void add(List<CustomerSearchTerm> terms) {
        if (terms.isEmpty()) {
            return;
        }
        Jdbc.with(dataSource, c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO customer_search_term (term_kind, hash, customer_id) VALUES (?, ?, ?)")) {
                for (CustomerSearchTerm term : terms) {
                    Jdbc.bind(c, insert, term.kind(), term.hash(), term.customerId());
                    insert.addBatch();
                }
                return insert.executeBatch();
            }
        });
    }

    /**
     * Ids of customers carrying every criterion (criteria must be distinct), after {@code after} in id order, at
     * most {@code limit}. One index range scan per criterion; the customers that carry all of them survive the
     * GROUP BY.
     */
    public List<UUID> matching(List<Criterion> criteria, UUID after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT customer_id FROM customer_search_term WHERE (");
        for (int i = 0; i < criteria.size(); i++) {
            sql.append(i == 0 ? "" : " OR ").append("(term_kind = ? AND hash = ?)");
        }
        sql.append(")");
        if (after != null) {
            sql.append(" AND customer_id > ?");
        }
        sql.append(" GROUP BY customer_id HAVING count(*) = ? ORDER BY customer_id LIMIT ?");
        List<Object> parameters = new ArrayList<>(2 * criteria.size() + 3);
        for (Criterion criterion : criteria) {
            parameters.add(criterion.kind());
            parameters.add(criterion.hash());
        }
        if (after != null) {
            parameters.add(after);
        }
        parameters.add(criteria.size());
        parameters.add(limit);
        return Jdbc.list(dataSource, sql.toString(), rs -> Jdbc.uuid(rs, 1), parameters.toArray());
    }
}
