package org.opencdp.subjectrights;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opencdp.jdbc.Jdbc;
import org.opencdp.problem.ProblemException;

/**
 * Which subjects' processing is restricted. Services ask before they use a subject's data for anything but
 * storage: {@code restrictions.requireUnrestricted(subjectId)}.
 */
@ApplicationScoped
public class SubjectRestrictions {

    public enum Basis {
        /** The subject asked for restriction (Art. 18). */
        ART18_REQUEST,
        /** An erasure kept records a retention law requires; they may only serve that duty. */
        LEGAL_HOLD
    }

    @Inject
    DataSource dataSource;

    @Transactional
    public boolean isRestricted(UUID subjectId) {
        return Jdbc.first(dataSource, "SELECT 1 FROM subject_restriction WHERE subject_id = ?", rs -> true, subjectId)
                .isPresent();
    }

    /** Which of these subjects are restricted, with one query (for search results). */
    @Transactional
    public Set<UUID> restrictedAmong(Collection<UUID> subjectIds) {
        if (subjectIds.isEmpty()) {
            return Set.of();
        }
        // A HashSet: callers ask it about events without a subject (contains(null)), which Set.copyOf refuses.
        return new HashSet<>(Jdbc.list(
                dataSource,
                "SELECT DISTINCT subject_id FROM subject_restriction WHERE subject_id = ANY(?)",
                rs -> Jdbc.uuid(rs, 1),
                subjectIds));
    }

    /** Refuses processing of a restricted subject with a 409 problem. */
    public void requireUnrestricted(UUID subjectId) {
        if (isRestricted(subjectId)) {
            throw ProblemException.conflict("Processing of this subject is restricted (GDPR Art. 18); "
                    + "its data is kept but may not be used.");
        }
    }

    /** The subjects whose legal hold ended before {@code day}: their kept records need not be readable any more. */
    @Transactional
    public List<UUID> legalHoldsEndedBefore(LocalDate day) {
        return Jdbc.list(
                dataSource,
                "SELECT subject_id FROM subject_restriction WHERE basis = ? AND until < ? ORDER BY until",
                rs -> Jdbc.uuid(rs, 1),
                Basis.LEGAL_HOLD,
                day);
    }

    @Transactional
    public void restrict(UUID subjectId, Basis basis, UUID requestId, LocalDate until) {
        Jdbc.update(dataSource, """
                INSERT INTO subject_restriction (subject_id, basis, request_id, until) VALUES (?, ?, ?, ?)
                ON CONFLICT (subject_id, basis) DO UPDATE SET request_id = excluded.request_id, until = excluded.until
                """, subjectId, basis, requestId, until);
    }

    @Transactional
    public void lift(UUID subjectId, Basis basis) {
        Jdbc.update(dataSource, "DELETE FROM subject_restriction WHERE subject_id = ? AND basis = ?", subjectId, basis);
    }
}
