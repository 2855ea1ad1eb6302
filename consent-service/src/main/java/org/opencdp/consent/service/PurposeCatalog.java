package org.opencdp.consent.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opencdp.caller.Caller;
import org.opencdp.consent.domain.LegalBasis;
import org.opencdp.consent.domain.Purpose;
import org.opencdp.consent.domain.PurposeAttributes;
import org.opencdp.consent.domain.PurposeChange;
import org.opencdp.consent.domain.PurposeText;
import org.opencdp.consent.domain.PurposeVersion;
import org.opencdp.consent.repository.PurposeRepository;
import org.opencdp.problem.ProblemException;

/**
 * The purpose catalog. A purpose's texts change only by publishing a new version, so a recorded consent always
 * points to exactly the text the person saw. Its attributes are edited in place, each edit logged
 * ({@code purpose_change}); legal basis and flags only while the ledger holds no entry for it, since consents were
 * recorded and are read under them (a purpose with another basis is then another purpose).
 */
@ApplicationScoped
public class PurposeCatalog {

    @Inject
    PurposeRepository purposes;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    public List<Purpose> all() {
        return purposes.all();
    }

    public Purpose get(String id) {
        return purposes.find(id).orElseThrow(() -> ProblemException.notFound("No purpose " + id + " in the catalog."));
    }

    /** A purpose named in a request body: unknown is a 422 (the request is well-formed, its content is not). */
    public Purpose known(String id) {
        return purposes.find(id)
                .orElseThrow(() -> ProblemException.unprocessable("No purpose " + id + " in the catalog."));
    }

    public List<PurposeVersion> versions(String id) {
        get(id);
        return purposes.versions(id);
    }

    public PurposeVersion version(String id, int version) {
        get(id);
        return purposes.version(id, version)
                .orElseThrow(() -> ProblemException.notFound("Purpose " + id + " has no version " + version + "."));
    }

    /** The version a consent names, or a 422 when the purpose or that version does not exist. */
    public PurposeVersion knownVersion(String id, int version) {
        known(id);
        return purposes.version(id, version)
                .orElseThrow(
                        () -> ProblemException.unprocessable("Purpose " + id + " has no version " + version + "."));
    }

    /** Creates a purpose with its first version. */
    @Transactional
    public Purpose create(Purpose purpose, Map<String, PurposeText> texts) {
        if (purposes.exists(purpose.id())) {
            throw ProblemException.conflict("Purpose " + purpose.id() + " exists already; publish a new version.");
        }
        Instant now = Instant.now(clock);
        purposes.insert(new Purpose(
                purpose.id(),
                purpose.legalBasis(),
                purpose.directMarketing(),
                purpose.doubleOptIn(),
                purpose.dataCategories(),
                purpose.retention(),
                purpose.retentionPeriod(),
                now,
                1));
        purposes.insertVersion(purpose.id(), new PurposeVersion(1, now, caller.name(), texts));
        purposes.logChange(purpose.id(), new PurposeChange(0, now, caller.name(), purpose.attributes()));
        return get(purpose.id());
    }

    /**
     * Sets the purpose's attributes and logs the change. The same attributes again change nothing. Legal basis and
     * flags are refused (409) once the ledger holds an entry for the purpose: the consents in it were given and are
     * read under them, and a consent does not turn into another legal basis after the fact.
     */
    @Transactional
    public Purpose edit(String id, PurposeAttributes next) {
        if (next.doubleOptIn() && next.legalBasis() != LegalBasis.CONSENT) {
            throw ProblemException.invalidField(
                    "doubleOptIn", "only a purpose based on consent can need double opt-in");
        }
        if (!purposes.lock(id)) {
            throw ProblemException.notFound("No purpose " + id + " in the catalog.");
        }
        PurposeAttributes current = get(id).attributes();
        if (current.equals(next)) {
            return get(id);
        }
        if (current.readsConsentsDifferentlyThan(next) && purposes.hasLedgerEntries(id)) {
            throw ProblemException.conflict("The ledger holds consent entries for " + id + ", recorded under its "
                    + "legal basis and flags, so these stay as they are; add a new purpose for another basis.");
        }
        purposes.updateAttributes(id, next);
        int number = purposes.changes(id).getLast().number() + 1;
        purposes.logChange(id, new PurposeChange(number, Instant.now(clock), caller.name(), next));
        return get(id);
    }

    /** The purpose's change log, from its creation on. */
    public List<PurposeChange> changes(String id) {
        get(id);
        return purposes.changes(id);
    }

    /** Publishes the texts as the purpose's next version; the same texts as the latest version are refused. */
    @Transactional
    public PurposeVersion publish(String id, Map<String, PurposeText> texts) {
        if (!purposes.lock(id)) {
            throw ProblemException.notFound("No purpose " + id + " in the catalog.");
        }
        Purpose purpose = get(id);
        PurposeVersion latest = purposes.version(id, purpose.latestVersion()).orElseThrow();
        if (hashes(latest.texts()).equals(hashes(texts))) {
            throw ProblemException.unprocessable(
                    "The texts are those of version " + latest.version() + "; change a text to publish a version.");
        }
        PurposeVersion next = new PurposeVersion(latest.version() + 1, Instant.now(clock), caller.name(), texts);
        purposes.insertVersion(id, next);
        return next;
    }

    private static Map<String, String> hashes(Map<String, PurposeText> texts) {
        return texts.values().stream().collect(Collectors.toMap(PurposeText::language, PurposeText::hash));
    }
}
