package org.opencdp.profile.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;

import org.hibernate.ReadOnlyMode;
import org.opencdp.problem.ProblemException;
import org.opencdp.profile.domain.Customer;
import org.opencdp.profile.domain.CustomerKind;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    @Inject
    DataSource dataSource;

    public Optional<Customer> find(UUID id) {
        return findByIdOptional(id);
    }

    /**
     * Flushes pending changes now, inside the use case, so that a concurrent update (the version check in the
     * UPDATE found another version) becomes a 412 for the client rather than a failed commit.
     */
    public void flushGuardingVersion() {
        try {
            flush();
        } catch (OptimisticLockException e) {
            throw ProblemException.preconditionFailed("The customer was changed at the same moment by someone else. "
                    + "Read it again and reapply your change.");
        }
    }

    /**
     * The customers with these ids that exist, in the order of {@code ids} (a search passes its page in id order),
     * read-only: for showing, never for changing. One statement with the ids as an array, whose SQL Hibernate builds
     * once; an {@code id in ?1} query was translated anew on every call (a list parameter keeps Hibernate from
     * caching the translation), and loaded entities were dirty-checked at the commit. Both were a fifth of a search's
     * CPU time.
     */
    public List<Customer> findAllByIds(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return getSession().findMultiple(Customer.class, ids, ReadOnlyMode.READ_ONLY).stream()
                .filter(Objects::nonNull)
                .toList();
    }

    /**
     * The customers with these ids that exist and whose processing is not restricted (no row in libs/subject-rights'
     * {@code subject_restriction}, on any basis), in the order of {@code ids}, as values for showing: never managed,
     * never changed. The restriction check and the load are one statement, one round trip (a search's hits were two:
     * the restrictions, then the rows), and the restriction is read in the same snapshot as the rows. Plain JDBC on the
     * transaction's connection, as {@link SearchTermRepository#matching}: nothing for Hibernate to translate, cache or
     * dirty-check.
     */
    public List<Customer> findUnrestrictedByIds(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Customer> found = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement query = c.prepareStatement("""
                        SELECT c.id, c.kind, c.version, c.profile, c.created_at, c.updated_at FROM customer c
                         WHERE c.id = ANY(?)
                           AND NOT EXISTS (SELECT 1 FROM subject_restriction r WHERE r.subject_id = c.id)""")) {
            query.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    Customer customer = new Customer();
                    customer.id = rs.getObject(1, UUID.class);
                    customer.kind = CustomerKind.valueOf(rs.getString(2));
                    customer.version = rs.getLong(3);
                    customer.encryptedProfile = rs.getBytes(4);
                    customer.createdAt = rs.getObject(5, OffsetDateTime.class).toInstant();
                    customer.updatedAt = rs.getObject(6, OffsetDateTime.class).toInstant();
                    found.put(customer.id, customer);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load customers", e);
        }
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /**
     * A contact with the customer on the timeline, as a sign of the customer's activity: anything the customer sent
     * or answered (direction {@code INBOUND}: calls, e-mails, letters, ticket messages, feedback), and calls and
     * meetings the company started, since the customer took part in them. Not a contact: internal notes, and e-mails,
     * letters and ticket replies the company sent on its own, which a customer may never have answered (writing to
     * someone must not keep their data alive).
     */
    static final String TIMELINE_CONTACT = "t.channel <> 'NOTE' AND (t.direction = 'INBOUND'"
            + " OR (t.direction = 'OUTBOUND' AND t.channel IN ('CALL', 'MEETING')))";

    /**
     * One page of customers without activity of their own since the moment (a retention cutoff): no change of the
     * profile ({@code updated_at}) and no {@link #TIMELINE_CONTACT} at or after it; in id order after the cursor. The
     * covering index {@code customer_id_updated} lets the page walk the ids without reading the profiles, and
     * {@code timeline_entry_subject} finds a candidate's recent entries.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> idsWithoutActivitySince(Instant since, UUID after, int limit) {
        return getEntityManager()
                .createNativeQuery(
                        "SELECT c.id FROM customer c WHERE c.updated_at < ?1 AND c.id > ?2 AND NOT EXISTS ("
                                + "SELECT 1 FROM timeline_entry t WHERE t.subject_id = c.id AND t.occurred_at >= ?1"
                                + " AND " + TIMELINE_CONTACT + ") ORDER BY c.id LIMIT ?3",
                        UUID.class)
                .setParameter(1, since)
                .setParameter(2, after)
                .setParameter(3, limit)
                .getResultList();
    }
}
