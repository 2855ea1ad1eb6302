package org.opencdp.profile.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opencdp.audit.AuditTrail;
import org.opencdp.personaldata.SubjectKey;
import org.opencdp.personaldata.SubjectKeyVault;
import org.opencdp.problem.ProblemException;
import org.opencdp.profile.domain.CompanyContact;
import org.opencdp.profile.domain.ContactLink;
import org.opencdp.profile.domain.Customer;
import org.opencdp.profile.domain.CustomerKind;
import org.opencdp.profile.domain.CustomerProfile;
import org.opencdp.profile.domain.CustomerSearchPage;
import org.opencdp.profile.domain.ProfileAccess;
import org.opencdp.profile.domain.StoredCustomer;
import org.opencdp.profile.repository.CompanyContactRepository;
import org.opencdp.profile.repository.CustomerRepository;
import org.opencdp.profile.repository.SearchTermRepository;
import org.opencdp.subjectrights.SubjectRestrictions;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The customer use cases. They take domain values (profiles, ids, versions) and hand out {@link StoredCustomer}s,
 * never entities or API types: what a caller sees of them is the api layer's business. Every read and change of
 * one customer is written to the audit trail in the same transaction; every change is told to other services
 * through the outbox in the same transaction.
 */
@ApplicationScoped
public class CustomerService {

    /** The read of a linked customer: a contact person shown on its company, a company shown on its contact. */
    static final String LINKED_READ = "customer.read-linked";

    @Inject
    CustomerRepository customers;

    @Inject
    CompanyContactRepository contacts;

    @Inject
    SearchTermRepository searchIndex;

    @Inject
    SearchTerms searchTerms;

    @Inject
    ProfileCodec codec;

    @Inject
    ProfileEvents events;

    @Inject
    AuditTrail audit;

    @Inject
    SubjectRestrictions restrictions;

    @Inject
    InputChecks checks;

    @Inject
    CustomerEraser eraser;

    @Inject
    SubjectKeyVault keys;

    @Inject
    MarketingConsent marketingConsent;

    @Inject
    TimelineSubjectData timeline;

    @Inject
    Clock clock;

    @Transactional
    public StoredCustomer create(CustomerProfile profile) {
        checks.noPaymentNumbersIn(profile);
        Customer customer = insert(profile);
        audit.record(customer.id, "customer.create", "POST /api/v1/customers");
        return stored(customer, profile, List.of(), List.of());
    }

    /**
     * Creates the customer of an existing subject, with the subject's existing key: a lead converted into a customer
     * keeps its subject id, so everything keyed by it stays with the customer.
     */
    @Transactional
    public StoredCustomer createForSubject(UUID subjectId, CustomerProfile profile, String purpose) {
        checks.noPaymentNumbersIn(profile);
        Customer customer = insert(subjectId, profile, codec.encrypt(subjectId, profile));
        audit.record(customer.id, "customer.create", purpose);
        return stored(customer, profile, List.of(), List.of());
    }

    /**
     * Creates every customer of the batch or, if one is refused, none. Each still gets its own key, audit entry
     * and change event; what the batch saves is the per-request work (token, transaction, commit).
     */
    @Transactional
    public List<StoredCustomer> createAll(List<CustomerProfile> profiles) {
        checks.noPaymentNumbersInBatch(profiles);
        List<StoredCustomer> created = new ArrayList<>(profiles.size());
        for (CustomerProfile profile : profiles) {
            created.add(stored(insert(profile), profile, List.of(), List.of()));
        }
        audit.recordAll(
                created.stream().map(StoredCustomer::id).toList(), "customer.create", "POST /api/v1/customers/batch");
        return created;
    }

    /**
     * The customer, with its company links if the reader may see direct identifiers. The linked customers whose
     * names (and, for contact persons, job titles) the answer shows are recorded as read too.
     */
    @Transactional
    public StoredCustomer get(UUID id, ProfileAccess reader) {
        Customer customer = usable(id);
        CustomerProfile profile = codec.decrypt(customer);
        return withLinks(customer, profile, reader, "customer.read", "GET /api/v1/customers/{id}");
    }

    /** The stored profile, the base a JSON merge patch applies to. */
    @Transactional
    public CustomerProfile currentProfile(UUID id, long expectedVersion) {
        Customer customer = usable(id);
        requireVersion(customer, expectedVersion);
        return codec.decrypt(customer);
    }

    /** Replaces the whole profile; {@code purpose} names the operation in the audit trail. */
    @Transactional
    public StoredCustomer replace(
            UUID id, long expectedVersion, CustomerProfile profile, String purpose, ProfileAccess reader) {
        checks.noPaymentNumbersIn(profile);
        Customer customer = usable(id);
        requireVersion(customer, expectedVersion);
        if (profile.kind() != customer.kind) {
            throw ProblemException.unprocessable(
                    "A " + customer.kind + " cannot become a " + profile.kind() + "; create a new customer instead.");
        }
        store(customer, profile);
        events.changed(id, profile);
        return withLinks(customer, profile, reader, "customer.update", purpose);
    }

    /**
     * GDPR Art. 16, for a data-subject request through retention-service: corrects the stored profile as
     * {@code correction} says (the api layer's merge patch, validated like any change), whatever its version, and
     * records in the audit trail that the change was made for the request ({@code purpose}). A restricted customer
     * is refused (409) like any change: the dpo lifts the restriction first.
     */
    @Transactional
    public void rectify(UUID id, UnaryOperator<CustomerProfile> correction, String purpose) {
        Customer customer = usable(id);
        CustomerProfile corrected = correction.apply(codec.decrypt(customer));
        checks.noPaymentNumbersIn(corrected);
        if (corrected.kind() != customer.kind) {
            throw ProblemException.unprocessable("A rectification cannot make a " + customer.kind + " a "
                    + corrected.kind() + "; create a new customer instead.");
        }
        store(customer, corrected);
        events.changed(id, corrected);
        audit.record(id, "customer.rectify", purpose);
    }

    /**
     * A deletion by sales is as final as an erasure, business letters on the timeline included (an erasure request
     * keeps those under a legal hold; a deletion by sales is the company's own decision): once the rows' deletion
     * committed, the customer's key goes from the key database (which takes no part in the transaction), so backups
     * become unreadable too. Should the key database stay unreachable through the vault's retries, the request fails
     * (500) with the rows gone: an erasure request for the subject (subject-rights, idempotent) then destroys the key.
     */
    public void delete(UUID id, long expectedVersion) {
        QuarkusTransaction.requiringNew().run(() -> {
            // Locked first: a change committing between the version check and the deletion must not be deleted unseen.
            customers.lock(id);
            Customer customer = usable(id);
            requireVersion(customer, expectedVersion);
            eraser.erase(id);
            timeline.deleteAllOf(id);
            audit.record(id, "customer.delete", "DELETE /api/v1/customers/{id}");
        });
        keys.destroy(id);
    }

    @Transactional
    public StoredCustomer addNewContact(UUID companyId, CustomerProfile person, String jobTitle, ProfileAccess reader) {
        checks.noPaymentNumbersIn(person);
        checks.noPaymentNumbersIn("jobTitle", jobTitle);
        requireCompany(companyId);
        Customer contact = insert(person);
        link(companyId, contact.id, jobTitle);
        return withLinks(contact, person, reader, "customer.create", "POST /api/v1/customers/{companyId}/contacts");
    }

    @Transactional
    public void linkContact(UUID companyId, UUID personId, String jobTitle) {
        checks.noPaymentNumbersIn("jobTitle", jobTitle);
        requireCompany(companyId);
        Customer person = usable(personId);
        if (person.kind != CustomerKind.PERSON) {
            throw ProblemException.unprocessable("Only a person can be a company's contact.");
        }
        contacts.delete(companyId, personId);
        link(companyId, personId, jobTitle);
        audit.record(personId, "customer.update", "PUT /api/v1/customers/{companyId}/contacts/{personId}");
    }

    @Transactional
    public void unlinkContact(UUID companyId, UUID personId) {
        requireCompany(companyId);
        if (!contacts.delete(companyId, personId)) {
            throw ProblemException.notFound("This person is not a contact of this company.");
        }
        audit.record(personId, "customer.update", "DELETE /api/v1/customers/{companyId}/contacts/{personId}");
    }

    /**
     * One page of matches, without company links; restricted customers are left out, and for marketing every
     * customer without a direct-marketing consent (all of them when consent-service does not answer: fail closed).
     * Three steps: the matching ids (a read), consent-service's batch decision for marketing (a remote call, kept out
     * of any database transaction), then loading, decrypting and auditing the hits in one transaction.
     */
    public CustomerSearchPage search(SearchQuery query, UUID after, int limit, ProfileAccess reader) {
        List<UUID> matches = matching(query, after, limit + 1);
        List<UUID> ids = new ArrayList<>(matches.subList(0, Math.min(limit, matches.size())));
        UUID next = matches.size() > limit ? ids.getLast() : null;
        boolean consentUnavailable = false;
        if (reader == ProfileAccess.MARKETING && !ids.isEmpty()) {
            try {
                ids.retainAll(marketingConsent.reachable(ids));
            } catch (ConsentUnavailableException e) {
                ids.clear();
                consentUnavailable = true;
            }
        }
        return new CustomerSearchPage(hits(ids), next, consentUnavailable);
    }

    /**
     * One statement, so no transaction of its own: on an autocommit connection it costs one round trip, in a
     * transaction two (the COMMIT) and the transaction manager's work.
     */
    List<UUID> matching(SearchQuery query, UUID after, int limit) {
        return searchIndex.matching(searchTerms.criteria(query), after, limit);
    }

    /**
     * The customers with these ids that are not restricted, decrypted, each read recorded as a search hit. The
     * restriction is checked by the statement that loads them, in this transaction. The recording is the
     * transaction's last work and sends its COMMIT with the entries (one round trip less per search,
     * AuditTrail#recordReadsAndCommit): keep every statement before it.
     */
    @Transactional
    List<StoredCustomer> hits(List<UUID> ids) {
        List<Customer> found = customers.findUnrestrictedByIds(ids);
        Map<UUID, CustomerProfile> profiles = codec.decryptAll(found);
        Map<UUID, String> hits = new HashMap<>();
        profiles.keySet().forEach(id -> hits.put(id, "customer.search-hit"));
        List<StoredCustomer> page = found.stream()
                .filter(c -> profiles.containsKey(c.id))
                .map(c -> stored(c, profiles.get(c.id), List.of(), List.of()))
                .toList();
        audit.recordReadsAndCommit(hits, "GET /api/v1/customers?search");
        return page;
    }

    private Customer insert(CustomerProfile profile) {
        SubjectKey key = keys.keyForNewSubject();
        return insert(key.subjectId(), profile, codec.encryptNew(key, profile));
    }

    private Customer insert(UUID id, CustomerProfile profile, byte[] encryptedProfile) {
        Customer customer = new Customer();
        customer.id = id;
        customer.kind = profile.kind();
        customer.createdAt = now();
        customer.updatedAt = customer.createdAt;
        customer.encryptedProfile = encryptedProfile;
        // The row first: the blind-index entries reference it.
        customers.insert(customer);
        searchIndex.add(searchTerms.of(customer.id, profile));
        events.changed(customer.id, profile);
        return customer;
    }

    /** Writes the changed profile (a version check: 412 on a concurrent change) and its blind-index entries. */
    private void store(Customer customer, CustomerProfile profile) {
        customer.encryptedProfile = codec.encrypt(customer.id, profile);
        customer.updatedAt = now();
        customers.updateGuardingVersion(customer);
        searchIndex.replaceTermsOf(customer.id, searchTerms.of(customer.id, profile));
    }

    private void link(UUID companyId, UUID personId, String jobTitle) {
        contacts.insert(
                new CompanyContact(companyId, personId, codec.encryptJobTitle(personId, blankToNull(jobTitle))));
    }

    /** An existing customer whose processing is not restricted. */
    private Customer usable(UUID id) {
        Customer customer =
                customers.find(id).orElseThrow(() -> ProblemException.notFound("There is no customer " + id + "."));
        restrictions.requireUnrestricted(id);
        return customer;
    }

    private void requireCompany(UUID companyId) {
        if (usable(companyId).kind != CustomerKind.COMPANY) {
            throw ProblemException.unprocessable("Contacts belong to companies; " + companyId + " is a person.");
        }
    }

    private static void requireVersion(Customer customer, long expectedVersion) {
        if (customer.version != expectedVersion) {
            throw ProblemException.preconditionFailed("The customer was changed since you read it (your version "
                    + expectedVersion + ", current " + customer.version + "). Read it again and reapply your change.");
        }
    }

    /**
     * Company links are looked up and decrypted only for a reader who may see them. Records {@code action} on the
     * customer and a read ({@link #LINKED_READ}) of every linked customer whose data the answer shows, in one
     * audit call (one lock order, see AuditTrail). A restricted linked customer's data is neither shown nor read.
     */
    private StoredCustomer withLinks(
            Customer customer, CustomerProfile profile, ProfileAccess reader, String action, String purpose) {
        Map<UUID, String> recorded = new HashMap<>();
        StoredCustomer stored = withLinks(customer, profile, reader, recorded);
        recorded.put(customer.id, action);
        // A read (GET) wrote nothing else, so its entries need not wait for the flush (bounded loss window, see
        // AuditTrail#recordReads); a change's transaction has written already and stays synchronous anyway.
        audit.recordReads(recorded, purpose);
        return stored;
    }

    /**
     * The customer as {@link #get} shows it, for the 360° view, which records all its reads at once: the linked
     * customers shown are added to {@code reads}, the customer itself is the caller's to record. Empty when there is
     * no such customer; the caller has checked the restriction.
     */
    java.util.Optional<StoredCustomer> readForOverview(UUID id, ProfileAccess reader, Map<UUID, String> reads) {
        return customers.find(id).map(customer -> withLinks(customer, codec.decrypt(customer), reader, reads));
    }

    private StoredCustomer withLinks(
            Customer customer, CustomerProfile profile, ProfileAccess reader, Map<UUID, String> recorded) {
        List<ContactLink> contactLinks = new ArrayList<>();
        List<ContactLink> companyLinks = new ArrayList<>();
        if (reader.seesIdentifiers()) {
            boolean company = customer.kind == CustomerKind.COMPANY;
            List<CompanyContact> links = company ? contacts.contactsOf(customer.id) : contacts.companiesOf(customer.id);
            List<UUID> others = links.stream()
                    .map(link -> company ? link.personId() : link.companyId())
                    .toList();
            Set<UUID> restricted = restrictions.restrictedAmong(others);
            for (CompanyContact link : links) {
                UUID other = company ? link.personId() : link.companyId();
                ContactLink seen = linkSeenFrom(other, link, restricted.contains(other));
                (company ? contactLinks : companyLinks).add(seen);
                if (seen.name() != null) {
                    recorded.put(other, LINKED_READ);
                }
            }
        }
        return stored(customer, profile, contactLinks, companyLinks);
    }

    private static StoredCustomer stored(
            Customer customer,
            CustomerProfile profile,
            List<ContactLink> contactLinks,
            List<ContactLink> companyLinks) {
        return new StoredCustomer(
                customer.id,
                customer.kind,
                customer.version,
                customer.createdAt,
                customer.updatedAt,
                profile,
                contactLinks,
                companyLinks);
    }

    /**
     * The link with the other customer's name and the contact person's job title; both left out for a restricted
     * contact person, and the name for a restricted company (the job title is then the reader's own customer's).
     */
    private ContactLink linkSeenFrom(UUID otherId, CompanyContact link, boolean otherRestricted) {
        if (otherRestricted) {
            boolean otherIsThePerson = otherId.equals(link.personId());
            return new ContactLink(
                    otherId,
                    null,
                    otherIsThePerson ? null : codec.decryptJobTitle(link.personId(), link.encryptedJobTitle()));
        }
        String name = customers
                .find(otherId)
                .map(other -> codec.decrypt(other).displayName())
                .orElse(null);
        return new ContactLink(otherId, name, codec.decryptJobTitle(link.personId(), link.encryptedJobTitle()));
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
