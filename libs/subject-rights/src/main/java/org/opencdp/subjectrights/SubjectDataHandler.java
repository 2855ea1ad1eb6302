package org.opencdp.subjectrights;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a service implements (one CDI bean) to take part in the subject-rights contract. The library's
 * {@link SubjectRightsResource} handles security, the audit trail, restrictions and the subject's data key;
 * the handler only knows the service's own data. Every method runs inside a transaction.
 */
public interface SubjectDataHandler {

    /** The data categories this service holds on subjects. */
    List<DataCategory> categories();

    /** Every record held on the subject, one entry per category of {@link #categories()} (empty ones included). */
    List<CategoryExport> export(UUID subjectId);

    /**
     * Deletes the subject's records, derived data included (aggregates, segments, caches). Records a statutory
     * retention duty requires are kept and reported with {@link CategoryOutcome#keptUnderLegalHold}; the library
     * then keeps the subject's key and restricts the subject until then. Must be idempotent.
     */
    List<CategoryOutcome> erase(UUID subjectId);

    /**
     * Called when processing of the subject becomes restricted, e.g. to drop the subject from segments or caches.
     * The library records the restriction itself; most services need not do anything here.
     */
    default void restricted(UUID subjectId) {}

    /** Called when an Art. 18 restriction ends. */
    default void restrictionLifted(UUID subjectId) {}

    /**
     * Rights the service honours through endpoints of its own, beyond the contract (e.g. consent-service records an
     * Art. 21 objection); declared in the capabilities so that retention-service sends such requests there.
     */
    default Set<SubjectRight> furtherRights() {
        return Set.of();
    }
}
