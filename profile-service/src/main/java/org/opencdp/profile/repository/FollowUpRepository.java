package org.opencdp.profile.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.opencdp.profile.domain.FollowUp;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class FollowUpRepository implements PanacheRepositoryBase<FollowUp, UUID> {

    /**
     * Open follow-ups of an agent ({@code owner}) or on a subject ({@code subjectId}), whichever is given, due in
     * [from, to] (null: unbounded), in due order, after the follow-up {@code after} of that order (null: from the
     * start).
     */
    public List<FollowUp> open(String owner, UUID subjectId, LocalDate from, LocalDate to, FollowUp after, int limit) {
        StringBuilder query = new StringBuilder("done = false");
        Parameters parameters = new Parameters();
        if (owner != null) {
            query.append(" and owner = :owner");
            parameters.and("owner", owner);
        }
        if (subjectId != null) {
            query.append(" and subjectId = :subjectId");
            parameters.and("subjectId", subjectId);
        }
        if (from != null) {
            query.append(" and dueDate >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            query.append(" and dueDate <= :to");
            parameters.and("to", to);
        }
        if (after != null) {
            query.append(" and (dueDate > :afterDue or (dueDate = :afterDue and id > :afterId))");
            parameters.and("afterDue", after.dueDate).and("afterId", after.id);
        }
        query.append(" order by dueDate, id");
        return find(query.toString(), parameters).page(0, limit).list();
    }

    public List<FollowUp> of(UUID subjectId) {
        return list("subjectId = ?1 order by dueDate, id", subjectId);
    }

    public long deleteOf(UUID subjectId) {
        return delete("subjectId", subjectId);
    }
}
