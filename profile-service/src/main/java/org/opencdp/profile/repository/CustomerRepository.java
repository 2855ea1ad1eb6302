package org.opencdp.profile.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.jdbc.Jdbc;
import org.opencdp.problem.ProblemException;
import org.opencdp.profile.domain.Customer;
import org.opencdp.profile.domain.CustomerKind;

/** The customer rows (table {@code customer}); their blind-index entries and contact links go by foreign-key cascade. */
@ApplicationScoped
public class CustomerRepository {

    private static final String COLUMNS = "c.id, c.kind, c.version, c.profile, c.created_at, c.updated_at";

    @Inject
    DataSource dataSource;

    public Optional<Customer> find(UUID id) {
        return Jdbc.first(
                dataSource, "SELECT " + COLUMNS + " FROM customer c WHERE c.id = ?", CustomerRepository::read, id);
    }

    /** A new customer, version 0. */
    public void insert(Customer customer) {
        Jdbc.update(
                dataSource,
                "INSERT INTO customer (id, kind, version, profile, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                customer.id,
                customer.kind,
                customer.version,
                customer.encryptedProfile,
                customer.createdAt,
                customer.updatedAt);
    }

    /**
     * Writes the changed profile if the row still has the version it was read with, and counts the version up (the
     * new ETag). Another version stored meanwhile (a concurrent change committed between the read and this update)
     * is a 412 for the client, as for a stale If-Match.
     */
    public void updateGuardingVersion(Customer customer) {
        int updated = Jdbc.update(
                dataSource,
                "UPDATE customer SET profile = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
                customer.encryptedProfile,
                customer.updatedAt,
                customer.id,
                customer.version);
        if (updated == 0) {
            throw ProblemException.preconditionFailed("The customer was changed at the same moment by someone else. "
                    + "Read it again and reapply your change.");
        }
        customer.version++;
    }

    /** Locks the customer's row, if there is one, until the transaction ends. */
    public void lock(UUID id) {
        Jdbc.list(dataSource, "SELECT id FROM customer WHERE id = ? FOR UPDATE", rs -> null, id);
    }

    /** Whether there was a customer to delete. */
    public boolean delete(UUID id) {
        return Jdbc.update(dataSource, "DELETE FROM customer WHERE id = ?", id) > 0;
    }

    /**
     * The customers with these ids that exist, in the order of {@code ids} (a search passes its page in id order),
     * for showing, never for changing: one statement with the ids as an array.
     */
    public List<Customer> findAllByIds(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return inOrder(
                ids,
                Jdbc.list(
                        dataSource,
                        "SELECT " + COLUMNS + " FROM customer c WHERE c.id = ANY(?)",
                        CustomerRepository::read,
                        ids));
    }

    /**
     * The customers with these ids that exist and whose processing is not restricted (no row in libs/subject-rights'
     * {@code subject_restriction}, on any basis), in the order of {@code ids}, as values for showing. The restriction
     * check and the load are one statement, one round trip (a search's hits were two: the restrictions, then the
     * rows), and the restriction is read in the same snapshot as the rows.
     */
    public List<Customer> findUnrestrictedByIds(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return inOrder(
                ids,
                Jdbc.list(
                        dataSource,
                        "SELECT " + COLUMNS + " FROM customer c WHERE c.id = ANY(?)"
                                + " AND NOT EXISTS (SELECT 1 FROM subject_restriction r WHERE r.subject_id = c.id)",
                        CustomerRepository::read,
                        ids));
    }

    private static List<Customer> inOrder(List<UUID> ids, List<Customer> found) {
        Map<UUID, Customer> byId = found.stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private static Customer read(ResultSet rs) throws SQLException {
        Customer customer = new Customer();
        customer.id = Jdbc.uuid(rs, 1);
        customer.kind = CustomerKind.valueOf(rs.getString(2));
        customer.version = rs.getLong(3);
        customer.encryptedProfile = rs.getBytes(4);
        customer.createdAt = Jdbc.instant(rs, 5);
        customer.updatedAt = Jdbc.instant(rs, 6);
        return customer;
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
    public List<UUID> idsWithoutActivitySince(Instant since, UUID after, int limit) {
        return Jdbc.list(
                dataSource,
                "SELECT c.id FROM customer c WHERE c.updated_at < ? AND c.id > ? AND NOT EXISTS ("
                        + "SELECT 1 FROM timeline_entry t WHERE t.subject_id = c.id AND t.occurred_at >= ?"
                        + " AND " + TIMELINE_CONTACT + ") ORDER BY c.id LIMIT ?",
                rs -> Jdbc.uuid(rs, 1),
                since,
                after,
                since,
                limit);
    }
}
