package org.opencdp.profile.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;

import org.opencdp.problem.ProblemException;
import org.opencdp.profile.domain.Customer;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

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

    /** The customers with these ids, in id order (the order search pages use). */
    public List<Customer> findAllByIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return list("id in ?1 order by id", ids);
    }

    /** How many customers nobody changed since before the moment (a retention cutoff). */
    public long countUnchangedBefore(Instant before) {
        return count("updatedAt < ?1", before);
    }

    /** The ids of customers unchanged since before the moment, after the cursor, in id order. */
    public List<UUID> idsUnchangedBefore(Instant before, UUID after, int limit) {
        return getEntityManager()
                .createQuery(
                        "select c.id from Customer c where c.updatedAt < ?1 and c.id > ?2 order by c.id", UUID.class)
                .setParameter(1, before)
                .setParameter(2, after)
                .setMaxResults(limit)
                .getResultList();
    }
}
