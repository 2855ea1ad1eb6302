package org.opencdp.behaviour.repository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.jdbc.Jdbc;

/**
 * Tombstones (deleted_customer): customers deleted in profile-service, and when, so that a late, older
 * profile.changed event does not bring them back.
 */
@ApplicationScoped
public class DeletedCustomerRepository {

    @Inject
    DataSource dataSource;

    /** When profile-service deleted the customer, if it did. */
    public Optional<Instant> deletedAt(UUID subjectId) {
        return Jdbc.first(
                dataSource,
                "SELECT deleted_at FROM deleted_customer WHERE subject_id = ?",
                rs -> Jdbc.instant(rs, 1),
                subjectId);
    }

    /** Records the deletion; of several, the latest time is kept. */
    public void record(UUID subjectId, Instant deletedAt) {
        Jdbc.update(
                dataSource,
                "INSERT INTO deleted_customer (subject_id, deleted_at)"
                        + " VALUES (?, ?) ON CONFLICT (subject_id) DO UPDATE"
                        + " SET deleted_at = greatest(deleted_customer.deleted_at, EXCLUDED.deleted_at)",
                subjectId,
                deletedAt);
    }
}
