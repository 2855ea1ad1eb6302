package org.opencdp.audit;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.opencdp.caller.Caller;

import io.quarkus.arc.Arc;

/**
 * Records every read or change of a subject's personal data: who (a person's login name or a service account's
 * client id), which subject, what, why, and when. Each entry joins the caller's transaction, so it is stored
 * together with the change it describes or not at all; without a transaction it commits on its own.
 *
 * <h2>No personal data in the trail</h2>
 * The subject id is the trail's only reference to the subject. {@code action} is a short dotted verb such as
 * {@code customer.read}; {@code purpose} is the endpoint as a template ({@code GET /api/v1/customers/{id}}, never
 * the concrete URL with its query) or a named business purpose ({@code subject-request:access}). Pass constants:
 * never a name, an e-mail address, a search term or anything else taken from the request or the stored data.
 * Obvious violations are refused with an {@link IllegalArgumentException} that does not repeat the text.
 *
 * <h2>Several subjects in one transaction</h2>
 * Each subject's chain stays locked until the transaction ends. A transaction that records several subjects
 * should do so in one {@link #recordAll} call, which locks them in a fixed order; separate calls in varying
 * orders can deadlock against another transaction (PostgreSQL then aborts one of them).
 *
 * <p>Transactions that write the trail must run at READ COMMITTED, PostgreSQL's default.
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    Caller caller;

    @Inject
    AuditChains chains;

    /**
     * Records that the caller of the current request did {@code action} on the subject's data for
     * {@code purpose}.
     *
     * <p>Scheduled jobs use {@link #recordAs}: even where Quarkus activates a request context for a job, there is
     * no token, and the job would be recorded as {@code anonymous}.
     *
     * @throws IllegalStateException without an active request context, where there is no caller
     * @throws IllegalArgumentException if the action or purpose breaks the rules above
     */
    @Transactional(TxType.REQUIRED)
    public void record(UUID subjectId, String action, String purpose) {
        Caller current = currentCaller();
        append(
                subjects(List.of(Objects.requireNonNull(subjectId, "subjectId"))),
                current.name(),
                current.kind(),
                action,
                purpose);
    }

    /**
     * Records the same action on several subjects, one entry each, e.g. for the customers a search returned.
     * Duplicates are recorded once; an empty collection records nothing.
     *
     * @throws IllegalStateException outside a request, see {@link #record}
     */
    @Transactional(TxType.REQUIRED)
    public void recordAll(Collection<UUID> subjectIds, String action, String purpose) {
        Caller current = currentCaller();
        append(subjects(subjectIds), current.name(), current.kind(), action, purpose);
    }

    /**
     * Records different actions on several subjects in one step, one entry each: e.g. the read of a company
     * ({@code customer.read}) together with the reads of the contacts its page shows. Like {@link #recordAll}, it
     * locks the subjects' chains in one fixed order; two separate calls could deadlock against a transaction that
     * records the same subjects the other way round.
     *
     * @throws IllegalStateException outside a request, see {@link #record}
     */
    @Transactional(TxType.REQUIRED)
    public void recordEach(Map<UUID, String> actionBySubject, String purpose) {
        Caller current = currentCaller();
        append(actions(actionBySubject), current.name(), current.kind(), purpose, Durability.SYNCHRONOUS);
    }

    /**
     * Records reads, one entry per subject with its action (e.g. the hits of a search), in a transaction that only
     * read: its commit then does not wait until PostgreSQL has flushed it to disk ({@code synchronous_commit} off
     * for this transaction alone). The entries are still written before the answer leaves and stay in chain order;
     * only a crash of the database server (not of the service) can lose the entries of the last moments before it:
     * at most three times {@code wal_writer_delay}, 600 ms with PostgreSQL's default. A later entry that did survive
     * implies every earlier one did, since the log is written in order, so a chain never has a gap. Changes keep
     * their synchronous commit: when the transaction has already written anything, this records exactly like
     * {@link #recordEach}. Call it last in the transaction, after every other statement.
     *
     * @throws IllegalStateException outside a request, see {@link #record}
     */
    @Transactional(TxType.REQUIRED)
    public void recordReads(Map<UUID, String> actionBySubject, String purpose) {
        Caller current = currentCaller();
        append(actions(actionBySubject), current.name(), current.kind(), purpose, Durability.READ_ONLY);
    }

    /**
     * {@link #recordReads} as the very end of the caller's transaction: the entries and the transaction's COMMIT go to
     * PostgreSQL in one round trip (one less per read, e.g. per search), and the transaction manager's commit then
     * finds nothing left to send (pgjdbc sends no COMMIT or ROLLBACK for a transaction the server says has ended).
     * The caller promises that the transaction does nothing after this call: a later statement would run in a
     * transaction of its own, and a failure after it can no longer undo anything (the reads stay recorded; for a read
     * that is at most one entry too many, never one missing). Hence only for methods whose last line this is, and only
     * inside the caller's own transaction. With no subjects it records nothing and the transaction ends as usual.
     *
     * @throws IllegalStateException outside a request, see {@link #record}
     * @throws jakarta.transaction.TransactionalException without a transaction
     */
    @Transactional(TxType.MANDATORY)
    public void recordReadsAndCommit(Map<UUID, String> actionBySubject, String purpose) {
        Caller current = currentCaller();
        append(
                actions(actionBySubject),
                current.name(),
                current.kind(),
                purpose,
                Durability.READ_ONLY,
                AuditChains.Ending.COMMIT);
    }

    /** {@link #recordReads} for one subject. */
    @Transactional(TxType.REQUIRED)
    public void recordRead(UUID subjectId, String action, String purpose) {
        recordReads(Map.of(Objects.requireNonNull(subjectId, "subjectId"), action), purpose);
    }

    /**
     * Records an action of an actor that is not the caller of a request: a scheduled job
     * ({@code system:retention-purge}, kind {@link Caller.Kind#SERVICE}) or work done on behalf of a recorded
     * actor.
     */
    @Transactional(TxType.REQUIRED)
    public void recordAs(String actor, Caller.Kind kind, UUID subjectId, String action, String purpose) {
        append(
                subjects(List.of(Objects.requireNonNull(subjectId, "subjectId"))),
                actor,
                Objects.requireNonNull(kind, "kind"),
                action,
                purpose);
    }

    private void append(SortedSet<UUID> subjects, String actor, Caller.Kind kind, String action, String purpose) {
        AuditFields.action(action);
        SortedMap<UUID, String> actions = new TreeMap<>();
        subjects.forEach(subject -> actions.put(subject, action));
        append(actions, actor, kind, purpose, Durability.SYNCHRONOUS);
    }

    private void append(
            SortedMap<UUID, String> actionBySubject,
            String actor,
            Caller.Kind kind,
            String purpose,
            Durability durability) {
        append(actionBySubject, actor, kind, purpose, durability, AuditChains.Ending.OPEN);
    }

    private void append(
            SortedMap<UUID, String> actionBySubject,
            String actor,
            Caller.Kind kind,
            String purpose,
            Durability durability,
            AuditChains.Ending ending) {
        AuditFields.actor(actor);
        AuditFields.purpose(purpose);
        if (!actionBySubject.isEmpty()) {
            chains.append(actionBySubject, actor, kind.name(), purpose, durability, ending);
        }
    }

    private Caller currentCaller() {
        if (!Arc.container().requestContext().isActive()) {
            throw new IllegalStateException(
                    "AuditTrail.record needs a request to know who acts; outside one, use recordAs");
        }
        return caller;
    }

    private static SortedMap<UUID, String> actions(Map<UUID, String> actionBySubject) {
        Objects.requireNonNull(actionBySubject, "actionBySubject");
        SortedMap<UUID, String> actions = new TreeMap<>();
        actionBySubject.forEach((subject, action) ->
                actions.put(Objects.requireNonNull(subject, "subject id"), AuditFields.action(action)));
        return actions;
    }

    private static SortedSet<UUID> subjects(Collection<UUID> subjectIds) {
        Objects.requireNonNull(subjectIds, "subjectIds");
        if (subjectIds.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("audit subject ids must not be null");
        }
        return new TreeSet<>(subjectIds);
    }
}
