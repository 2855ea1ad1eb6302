package org.opencdp.profile.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.personaldata.BlindIndex;
import org.opencdp.personaldata.Normalise;
import org.opencdp.profile.domain.CustomerSearchTerm.Kind;
import org.opencdp.profile.domain.PhoneNumbers;
import org.opencdp.profile.domain.TicketContact;
import org.opencdp.profile.repository.SearchTermRepository;
import org.opencdp.profile.repository.SearchTermRepository.Criterion;
import org.opencdp.subjectrights.SubjectRestrictions;

/**
 * Which customer a ticket's contact is, through the search's blind index (the same normal forms as the customer
 * search): the one customer with the e-mail address; when no customer has it, the one with the phone number. Several
 * customers with the address (or, without an address match, the number) match none: a ticket is never given to a
 * guess. A restricted customer (Art. 18) is not given new tickets either: its ticket waits in the inbox.
 */
@ApplicationScoped
class TicketCustomers {

    @Inject
    SearchTermRepository searchIndex;

    @Inject
    BlindIndex index;

    @Inject
    SubjectRestrictions restrictions;

    Optional<UUID> matching(TicketContact contact) {
        if (contact == null) {
            return Optional.empty();
        }
        List<UUID> byEmail = contact.email() == null || contact.email().isBlank()
                ? List.of()
                : having(Kind.EMAIL, Normalise.email(contact.email()));
        List<UUID> found = byEmail.isEmpty() ? byPhone(contact.phone()) : byEmail;
        if (found.size() != 1 || restrictions.isRestricted(found.getFirst())) {
            return Optional.empty();
        }
        return Optional.of(found.getFirst());
    }

    private List<UUID> byPhone(String phone) {
        return phone == null
                ? List.of()
                : PhoneNumbers.toE164(phone)
                        .map(e164 -> having(Kind.PHONE, e164))
                        .orElse(List.of());
    }

    /** At most two: enough to tell one from several. */
    private List<UUID> having(Kind kind, String normalised) {
        return searchIndex.matching(List.of(new Criterion(kind, index.exact(kind.name(), normalised))), null, 2);
    }
}
