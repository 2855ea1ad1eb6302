package org.opencdp.profile.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.opencdp.profile.domain.CustomerSearchTerm;

/** Lookups in the blind index. Every criterion is a set of hashes a customer must all have. */
@ApplicationScoped
public class SearchTermRepository {

    @Inject
    EntityManager em;

    /** A hash a matching customer must carry under the given kind. */
    public record Criterion(CustomerSearchTerm.Kind kind, byte[] hash) {
    }

    public void replaceTermsOf(UUID customerId, List<CustomerSearchTerm> terms) {
        em.createQuery("delete from CustomerSearchTerm t where t.customerId = :id").setParameter("id", customerId)
                .executeUpdate();
        terms.forEach(em::persist);
    }

    /**
     * Ids of customers carrying every criterion (criteria must be distinct), after {@code after} in id order, at most {@code limit}. One
     * index range scan per criterion; the customers that carry all of them survive the GROUP BY.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> matching(List<Criterion> criteria, UUID after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT customer_id FROM customer_search_term WHERE (");
        List<Object> parameters = new ArrayList<>();
        for (int i = 0; i < criteria.size(); i++) {
            sql.append(i == 0 ? "" : " OR ").append("(term_kind = ? AND hash = ?)");
            parameters.add(criteria.get(i).kind().name());
            parameters.add(criteria.get(i).hash());
        }
        sql.append(")");
        if (after != null) {
            sql.append(" AND customer_id > ?");
            parameters.add(after);
        }
        sql.append(" GROUP BY customer_id HAVING count(*) = ? ORDER BY customer_id LIMIT ?");
        parameters.add(criteria.size());
        parameters.add(limit);
        var query = em.createNativeQuery(sql.toString(), UUID.class);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query.getResultList();
    }
}
