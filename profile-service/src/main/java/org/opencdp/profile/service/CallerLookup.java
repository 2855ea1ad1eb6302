package org.opencdp.profile.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.opencdp.audit.AuditTrail;
import org.opencdp.caller.Caller;
import org.opencdp.consentdecisions.ConsentDecisions;
import org.opencdp.personaldata.BlindIndex;
import org.opencdp.problem.ProblemException;
import org.opencdp.profile.domain.CallerLookupResult;
import org.opencdp.profile.domain.CallerMatch;
import org.opencdp.profile.domain.CompanyContact;
import org.opencdp.profile.domain.Customer;
import org.opencdp.profile.domain.CustomerKind;
import org.opencdp.profile.domain.CustomerProfile;
import org.opencdp.profile.domain.CustomerSearchTerm.Kind;
import org.opencdp.profile.domain.PhoneMarketing;
import org.opencdp.profile.domain.PhoneNumbers;
import org.opencdp.profile.domain.TimelineChannel;
import org.opencdp.profile.domain.TimelineEntry;
import org.opencdp.profile.repository.CompanyContactRepository;
import org.opencdp.profile.repository.CustomerRepository;
import org.opencdp.profile.repository.SearchTermRepository;
import org.opencdp.profile.repository.SearchTermRepository.Criterion;
import org.opencdp.profile.repository.TicketRepository;
import org.opencdp.profile.repository.TimelineRepository;
import org.opencdp.subjectrights.SubjectRestrictions;

/**
 * Who is calling: the customers whose phone number is the caller's, for a CTI pop-up. The number may come in any
 * notation a PBX sends; it is normalised as stored ({@link PhoneNumbers}) and found through the phone blind index,
 * like the customer search. A number several customers share returns them all. One transaction finds the matching
 * ids, loads and decrypts them with their last contact and open tickets, and records the reads; consent-service's
 * phone-marketing decisions are asked meanwhile, once the ids are known, on a thread of their own outside the
 * transaction (a CTI pop-up waits for both; asked one after the other they added the call's whole round trip to every
 * lookup, bench/README.md, caller lookup). The answer is consent-service's current one: nothing is cached. Restricted
 * customers are left out, and are not asked about at consent-service.
 */
@ApplicationScoped
public class CallerLookup {

    /** More customers than this on one number is no caller card any more; the first ones by id are shown. */
    static final int MAX_MATCHES = 10;

    static final String ACTION = "customer.caller-lookup";

    private static final Logger LOG = Logger.getLogger(CallerLookup.class);

    /** Who asks: a person or service with a token (the request's caller), or an integration named by the door. */
    public record Asker(String integrationActor, String purpose) {

        public static Asker caller(String purpose) {
            return new Asker(null, purpose);
        }

        public static Asker integration(String actor, String purpose) {
            return new Asker(actor, purpose);
        }
    }

    @Inject
    SearchTermRepository searchIndex;

    @Inject
    BlindIndex index;

    @Inject
    CustomerRepository customers;

    @Inject
    CompanyContactRepository contacts;

    @Inject
    TimelineRepository timeline;

    @Inject
    TicketRepository tickets;

    @Inject
    ProfileCodec codec;

    @Inject
    SubjectRestrictions restrictions;

    @Inject
    AuditTrail audit;

    @Inject
    ConsentDecisions consent;

    @ConfigProperty(name = "opencdp.profile.caller-lookup.phone-marketing-purpose")
    String phoneMarketingPurpose;

    /**
     * Where the consent calls run: a virtual thread each, with no context of the request (no transaction to join, no
     * request scope; the call carries this service's own token). Not the worker pool the requests run on: a lookup
     * waits for its call, and lookups filling that pool would wait for calls queued behind them.
     */
    private final ExecutorService consentCalls = Executors.newVirtualThreadPerTaskExecutor();

    @PreDestroy
    void stopConsentCalls() {
        consentCalls.shutdownNow();
    }

    public CallerLookupResult lookup(String number, Asker asker) {
        List<String> forms = PhoneNumbers.callerForms(number);
        if (forms.isEmpty()) {
            throw ProblemException.invalidField(
                    "number", "must be a phone number; without a country prefix it is read as a German number");
        }
        return find(forms, asker);
    }

    /** The first of the number's forms any unrestricted customer has, with those customers' cards. */
    @Transactional
    CallerLookupResult find(List<String> forms, Asker asker) {
        for (String form : forms) {
            List<UUID> ids = matching(form);
            if (!ids.isEmpty()) {
                CompletableFuture<Map<UUID, PhoneMarketing>> marketing =
                        CompletableFuture.supplyAsync(() -> phoneMarketing(ids), consentCalls);
                List<CallerMatch> matches = load(ids, marketing, asker);
                return matches.isEmpty() ? CallerLookupResult.unknown() : new CallerLookupResult(form, matches);
            }
        }
        return CallerLookupResult.unknown();
    }

    /**
     * The unrestricted customers with the number, in the first of its {@link PhoneNumbers#callerForms} any customer
     * has; none when it is no phone number (a withheld number, "anonymous"). Nothing is decrypted or recorded as read:
     * the call journal only needs to know whose number it is.
     */
    @Transactional
    public List<UUID> customersWith(String number) {
        for (String form : PhoneNumbers.callerForms(number)) {
            List<UUID> ids = matching(form);
            if (!ids.isEmpty()) {
                return ids;
            }
        }
        return List.of();
    }

    /** The unrestricted customers with the number: a restricted one is not even asked about at consent-service. */
    @Transactional
    List<UUID> matching(String e164) {
        List<UUID> ids = new ArrayList<>(searchIndex.matching(
                List.of(new Criterion(Kind.PHONE, index.exact(Kind.PHONE.name(), e164))), null, MAX_MATCHES));
        ids.removeAll(restrictions.restrictedAmong(ids));
        return ids;
    }

    /** Each customer's phone-marketing consent; all {@link PhoneMarketing#UNKNOWN} without an answer. */
    Map<UUID, PhoneMarketing> phoneMarketing(Collection<UUID> ids) {
        Map<UUID, PhoneMarketing> answers = new HashMap<>();
        try {
            for (ConsentDecisions.Decision decision : consent.decide(ids.stream()
                    .map(id -> ConsentDecisions.Pair.ofSubject(id, phoneMarketingPurpose))
                    .toList())) {
                answers.put(
                        decision.pair().subjectId(),
                        decision.allowed() ? PhoneMarketing.ALLOWED : PhoneMarketing.NOT_ALLOWED);
            }
        } catch (ConsentDecisions.ConsentUnavailable e) {
            LOG.warnf(
                    "consent-service gave no phone-marketing decisions (%s): callers shown as unknown", e.getMessage());
        }
        ids.forEach(id -> answers.putIfAbsent(id, PhoneMarketing.UNKNOWN));
        return answers;
    }

    /**
     * The customers among the ids (unrestricted, as {@link #matching} found them in the same transaction), decrypted,
     * with their company; every one shown recorded as read. The phone-marketing answers are waited for last.
     */
    List<CallerMatch> load(List<UUID> ids, CompletableFuture<Map<UUID, PhoneMarketing>> marketing, Asker asker) {
        List<Customer> found = customers.findAllByIds(ids);
        Map<UUID, CustomerProfile> profiles = codec.decryptAll(found);
        Map<UUID, String> reads = new TreeMap<>();
        List<Card> cards = new ArrayList<>();
        for (UUID id : ids) {
            CustomerProfile profile = profiles.get(id);
            if (profile == null) {
                continue;
            }
            String company = profile.kind() == CustomerKind.COMPANY ? profile.companyName() : companyOf(id, reads);
            cards.add(new Card(id, profile, company, activityOf(id)));
            reads.put(id, ACTION);
        }
        record(reads, asker);
        Map<UUID, PhoneMarketing> answers = marketing.join();
        return cards.stream()
                .map(card -> new CallerMatch(
                        card.id(),
                        card.profile(),
                        card.company(),
                        answers.get(card.id()),
                        card.activity().lastContact(),
                        card.activity().lastContactChannel(),
                        card.activity().openTickets()))
                .toList();
    }

    private record Card(UUID id, CustomerProfile profile, String company, Activity activity) {}

    /**
     * The customer's latest contact: the newest entry of its communication timeline (the timeline's own first page of
     * one, so it counts what the timeline shows), or none; and how many of its tickets are open or pending. Only
     * times, channels and states are read, nothing is decrypted.
     */
    private Activity activityOf(UUID customerId) {
        List<TimelineEntry> newest = timeline.page(customerId, EnumSet.allOf(TimelineChannel.class), null, 1);
        int openTickets = tickets.countOpenOf(customerId);
        if (newest.isEmpty()) {
            return new Activity(null, null, openTickets);
        }
        TimelineEntry entry = newest.getFirst();
        return new Activity(entry.occurredAt, entry.channel, openTickets);
    }

    private record Activity(Instant lastContact, TimelineChannel lastContactChannel, int openTickets) {}

    /** The name of the first unrestricted company the person is a contact of, recorded as a linked read. */
    private String companyOf(UUID personId, Map<UUID, String> reads) {
        List<CompanyContact> links = contacts.companiesOf(personId);
        Set<UUID> restricted = restrictions.restrictedAmong(
                links.stream().map(l -> l.companyId()).toList());
        for (CompanyContact link : links) {
            if (restricted.contains(link.companyId())) {
                continue;
            }
            Optional<Customer> company = customers.find(link.companyId());
            if (company.isPresent()) {
                reads.putIfAbsent(link.companyId(), CustomerService.LINKED_READ);
                return codec.decrypt(company.get()).companyName();
            }
        }
        return null;
    }

    /**
     * The transaction's last work: every statement of the lookup ran before it. A person's lookup sends the COMMIT
     * with the entries (one round trip less, AuditTrail#recordReadsAndCommit); only the consent answer is waited for
     * after it, which is no statement.
     */
    private void record(Map<UUID, String> reads, Asker asker) {
        if (asker.integrationActor() == null) {
            audit.recordReadsAndCommit(reads, asker.purpose());
            return;
        }
        // In id order, as the trail's own multi-subject calls lock the chains.
        reads.forEach((id, action) ->
                audit.recordAs(asker.integrationActor(), Caller.Kind.SERVICE, id, action, asker.purpose()));
    }
}
