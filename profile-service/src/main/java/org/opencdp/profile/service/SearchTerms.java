package org.opencdp.profile.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.personaldata.BlindIndex;
import org.opencdp.personaldata.Normalise;
import org.opencdp.problem.ProblemException;
import org.opencdp.profile.domain.CustomerProfile;
import org.opencdp.profile.domain.CustomerSearchTerm;
import org.opencdp.profile.domain.CustomerSearchTerm.Kind;
import org.opencdp.profile.domain.EmailAddress;
import org.opencdp.profile.domain.PhoneNumber;
import org.opencdp.profile.domain.PhoneNumbers;
import org.opencdp.profile.domain.PostalAddress;
import org.opencdp.profile.repository.SearchTermRepository.Criterion;

/**
 * Turns a profile into blind-index entries, and a search query into the same hashes. Both sides normalise the
 * same way, so "0171 2345678" finds "+49 171 2345678" and "MUELLER" does not find "Müller" (only folded
 * diacritics match: "muller").
 */
@ApplicationScoped
public class SearchTerms {

    @Inject
    BlindIndex index;

    public List<CustomerSearchTerm> of(UUID customerId, CustomerProfile profile) {
        Map<String, CustomerSearchTerm> terms = new LinkedHashMap<>();
        if (profile.givenName() != null || profile.familyName() != null) {
            addTokens(terms, customerId, Kind.NAME, profile.givenName() + " " + profile.familyName());
        }
        if (profile.companyName() != null) {
            addTokens(terms, customerId, Kind.COMPANY, profile.companyName());
        }
        for (EmailAddress email : profile.emails()) {
            add(terms, customerId, Kind.EMAIL, index.exact(Kind.EMAIL.name(), Normalise.email(email.address())));
        }
        for (PhoneNumber phone : profile.phones()) {
            add(terms, customerId, Kind.PHONE, index.exact(Kind.PHONE.name(), phone.number()));
        }
        for (PostalAddress address : profile.addresses()) {
            add(
                    terms,
                    customerId,
                    Kind.POSTCODE,
                    index.exact(Kind.POSTCODE.name(), normalisePostcode(address.postcode())));
        }
        return new ArrayList<>(terms.values());
    }

    /** The hashes a customer must all carry to match the query; duplicates removed. */
    public List<Criterion> criteria(SearchQuery query) {
        Map<String, Criterion> criteria = new LinkedHashMap<>();
        if (!SearchQuery.blank(query.name())) {
            tokens(Kind.NAME, query.name()).forEach(c -> put(criteria, c));
        }
        if (!SearchQuery.blank(query.company())) {
            tokens(Kind.COMPANY, query.company()).forEach(c -> put(criteria, c));
        }
        if (!SearchQuery.blank(query.email())) {
            put(criteria, new Criterion(Kind.EMAIL, index.exact(Kind.EMAIL.name(), Normalise.email(query.email()))));
        }
        if (!SearchQuery.blank(query.phone())) {
            String e164 = PhoneNumbers.toE164(query.phone())
                    .orElseThrow(() -> ProblemException.invalidField(
                            "phone",
                            "must be a valid phone number; without a +country prefix it is read as a German number"));
            put(criteria, new Criterion(Kind.PHONE, index.exact(Kind.PHONE.name(), e164)));
        }
        if (!SearchQuery.blank(query.postcode())) {
            put(
                    criteria,
                    new Criterion(
                            Kind.POSTCODE, index.exact(Kind.POSTCODE.name(), normalisePostcode(query.postcode()))));
        }
        if (criteria.isEmpty()) {
            throw ProblemException.badRequest("Give at least one search criterion with letters or digits: "
                    + "name, email, phone, company or postcode.");
        }
        return List.copyOf(criteria.values());
    }

    private static void put(Map<String, Criterion> criteria, Criterion criterion) {
        criteria.putIfAbsent(criterion.kind() + java.util.HexFormat.of().formatHex(criterion.hash()), criterion);
    }

    private List<Criterion> tokens(Kind kind, String query) {
        return index.tokens(kind.name(), query).stream()
                .map(hash -> new Criterion(kind, hash))
                .toList();
    }

    private void addTokens(Map<String, CustomerSearchTerm> terms, UUID customerId, Kind kind, String text) {
        for (byte[] hash : index.tokens(kind.name(), text)) {
            add(terms, customerId, kind, hash);
        }
    }

    private static void add(Map<String, CustomerSearchTerm> terms, UUID customerId, Kind kind, byte[] hash) {
        terms.putIfAbsent(
                kind + java.util.HexFormat.of().formatHex(hash), new CustomerSearchTerm(kind, hash, customerId));
    }

    private static String normalisePostcode(String postcode) {
        return postcode.replace(" ", "").toUpperCase();
    }
}
