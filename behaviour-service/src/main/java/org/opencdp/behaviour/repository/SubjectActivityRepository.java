package org.opencdp.behaviour.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.jdbc.Jdbc;

/**
 * A customer's activity as behaviour-service sees it: an order placed or a cart changed. Both lookups go by subject
 * through an index ({@code customer_order_subject}, {@code cart_subject}), so a page of a thousand ids reads only
 * those customers' rows.
 */
@ApplicationScoped
public class SubjectActivityRepository {

    @Inject
    DataSource dataSource;

    /** The subjects among {@code subjectIds} that placed an order or changed a cart at or after {@code since}. */
    public List<UUID> activeSince(Collection<UUID> subjectIds, Instant since) {
        return Jdbc.with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT o.subject_id FROM customer_order o
                     WHERE o.subject_id = ANY (?) AND o.ordered_at >= ?
                    UNION
                    SELECT k.subject_id FROM cart k
                     WHERE k.subject_id = ANY (?) AND k.updated_at >= ?""")) {
                var ids = c.createArrayOf("uuid", subjectIds.toArray());
                Timestamp from = Timestamp.from(since);
                s.setArray(1, ids);
                s.setTimestamp(2, from);
                s.setArray(3, ids);
                s.setTimestamp(4, from);
                List<UUID> active = new ArrayList<>();
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        active.add(rows.getObject(1, UUID.class));
                    }
                }
                return active;
            }
        });
    }
}
