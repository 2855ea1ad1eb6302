package org.opencdp.profile.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;

import org.opencdp.problem.ProblemException;
import org.opencdp.profile.domain.Lead;
import org.opencdp.profile.domain.PipelineStage;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class LeadRepository implements PanacheRepositoryBase<Lead, UUID> {

    public Optional<Lead> find(UUID id) {
        return findByIdOptional(id);
    }

    /** Leads in id order after {@code after} (null: from the start), of one stage if given. */
    public List<Lead> page(PipelineStage stage, UUID after, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (after != null) {
            query.append(" and id > :after");
            parameters.and("after", after);
        }
        if (stage != null) {
            query.append(" and stage = :stage");
            parameters.and("stage", stage);
        }
        return find(query.append(" order by id").toString(), parameters)
                .page(0, limit)
                .list();
    }

    /** Leads not converted and untouched since before {@code cutoff}, oldest touch first. */
    public List<UUID> untouchedSince(Instant cutoff) {
        return getEntityManager()
                .createQuery(
                        "select l.id from Lead l where l.convertedAt is null and l.lastTouchedAt < :cutoff "
                                + "order by l.lastTouchedAt, l.id",
                        UUID.class)
                .setParameter("cutoff", cutoff)
                .getResultList();
    }

    /** Which of these subjects are leads not yet converted. */
    public Set<UUID> openLeadsAmong(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(getEntityManager()
                .createQuery("select l.id from Lead l where l.id in :ids and l.convertedAt is null", UUID.class)
                .setParameter("ids", ids)
                .getResultList());
    }

    /** Flushes now, so that a concurrent change becomes a 412 rather than a failed commit. */
    public void flushGuardingVersion() {
        try {
            flush();
        } catch (OptimisticLockException e) {
            throw ProblemException.preconditionFailed(
                    "The lead was changed at the same moment by someone else. Read it again and reapply your change.");
        }
    }
}
