package org.opencdp.behaviour.repository;

import java.time.Instant;
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
        return Jdbc.list(dataSource, """
                SELECT o.subject_id FROM customer_order o
                 WHERE o.subject_id = ANY (?) AND o.ordered_at >= ?
                UNION
                SELECT k.subject_id FROM cart k
                 WHERE k.subject_id = ANY (?) AND k.updated_at >= ?""", rows -> Jdbc.uuid(rows, 1), subjectIds, since, subjectIds, since);
    }
}
