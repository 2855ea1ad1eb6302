package org.opencdp.consent.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.subjectrights.RetentionBatches;

/**
 * The ledger entries whose retention as proof has ended (retention category {@code consent-proofs}). The entries of
 * one holder and purpose are kept together, as long as the newest of them is younger than the cutoff: the period runs
 * from the holder's last entry for that purpose. Never expired, whatever their age:
 * <ul>
 *   <li>the entries of a consent still in force (state GRANTED, or PENDING a confirmation),</li>
 *   <li>the entries without a purpose (objections, their withdrawals, visitor links) of a subject whose objection is
 *       in force,</li>
 *   <li>an entry a kept entry was copied from ({@code linked_from}: a visitor's original proof of a consent the
 *       subject now holds).</li>
 * </ul>
 */
@ApplicationScoped
public class ExpiredProofRepository {

    /** The ids of the expired entries; its one parameter is the cutoff. */
    private static final String EXPIRED = """
            WITH expired_group AS (
                SELECT g.holder_type, g.holder_id, g.purpose_id
                  FROM consent_entry g
                 GROUP BY g.holder_type, g.holder_id, g.purpose_id
                HAVING max(g.recorded_at) < ?),
            proof_ended AS (
                SELECT x.* FROM expired_group x
                 WHERE NOT EXISTS (SELECT 1 FROM consent_state s
                                    WHERE s.holder_type = x.holder_type AND s.holder_id = x.holder_id
                                      AND s.purpose_id = x.purpose_id AND s.status IN ('GRANTED', 'PENDING'))
                   AND (x.purpose_id IS NOT NULL
                        OR NOT EXISTS (SELECT 1 FROM subject_objection o
                                        WHERE x.holder_type = 'SUBJECT' AND o.subject_id = x.holder_id))),
            ended_entry AS (
                SELECT e.id FROM consent_entry e
                  JOIN proof_ended p ON p.holder_type = e.holder_type AND p.holder_id = e.holder_id
                                    AND p.purpose_id IS NOT DISTINCT FROM e.purpose_id)
            SELECT d.id FROM ended_entry d
             WHERE NOT EXISTS (SELECT 1 FROM consent_entry k
                                WHERE k.linked_from = d.id AND k.id NOT IN (SELECT id FROM ended_entry))
            """;

    @Inject
    RetentionBatches batches;

    public long countBefore(Instant cutoff) {
        return batches.count("SELECT count(*) FROM (" + EXPIRED + ") AS expired", cutoff);
    }

    /**
     * Deletes the expired entries in batches, then the revoked states whose entry is gone (a state that is not in
     * force says nothing once its proof has gone); returns how many entries.
     */
    public long deleteBefore(Instant cutoff) {
        long deleted = batches.deleteInBatches(
                "DELETE FROM consent_entry WHERE id IN (SELECT id FROM (" + EXPIRED + ") AS expired LIMIT ?)", cutoff);
        batches.inOwnTransaction("DELETE FROM consent_state s WHERE s.status = 'REVOKED'"
                + " AND NOT EXISTS (SELECT 1 FROM consent_entry e WHERE e.id = s.entry_id)");
        return deleted;
    }
}
