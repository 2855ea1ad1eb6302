package org.opencdp.profile.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.profile.domain.InboxTicket;
import org.opencdp.profile.domain.StoredTicket;
import org.opencdp.profile.domain.Ticket;
import org.opencdp.profile.repository.InboxArticleRepository;
import org.opencdp.profile.repository.TicketRepository;
import org.opencdp.subjectrights.CategoryExport;
import org.opencdp.subjectrights.CategoryOutcome;
import org.opencdp.subjectrights.DataCategory;
import org.opencdp.subjectrights.RetentionCategories;
import org.opencdp.subjectrights.SubjectCategory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The tickets' part of profile-service's subject-rights contract ({@link ProfileSubjectData} calls it): a customer's
 * tickets (their articles are timeline entries, in the timeline's categories), and an unmatched ticket in the inbox,
 * whose subject id is the ticket's own id (the id of its key) until it is assigned.
 */
@ApplicationScoped
class TicketSubjectData {

    static final String TICKETS = "support-tickets";
    static final String UNMATCHED = RetentionCategories.UNMATCHED_TICKETS;

    @Inject
    TicketRepository tickets;

    @Inject
    InboxArticleRepository inboxArticles;

    @Inject
    TicketCodec codec;

    @Inject
    ObjectMapper json;

    List<DataCategory> categories() {
        return List.of(
                new DataCategory(
                        TICKETS,
                        "Tickets of the customer in ticket systems: the ticket number and title, its state (open,"
                                + " pending, closed), which system sent it and when; its messages are timeline entries",
                        "GDPR Art. 6(1)(b) contract; Art. 6(1)(f) legitimate interest in customer service",
                        "while the customer relationship lasts; deleted on erasure",
                        List.of("customer-relationship"),
                        List.of(SubjectCategory.CUSTOMERS, SubjectCategory.CONTACT_PERSONS),
                        RetentionCategories.INACTIVE_CUSTOMER_PROFILE),
                new DataCategory(
                        UNMATCHED,
                        "Tickets no customer matched, waiting for an agent to assign them: the contact the ticket"
                                + " system named (name, e-mail address, phone number), number, title, state, and a"
                                + " short summary of each message",
                        "GDPR Art. 6(1)(f) legitimate interest in answering whoever contacts customer service",
                        "until assigned to a customer; otherwise 90 days after the latest delivery (retention policy"
                                + " unmatched-tickets), key destroyed; deleted on erasure",
                        List.of("customer-relationship"),
                        List.of(SubjectCategory.CUSTOMERS, SubjectCategory.CONTACT_PERSONS),
                        RetentionCategories.UNMATCHED_TICKETS));
    }

    List<CategoryExport> export(UUID subjectId) {
        List<StoredTicket> own =
                tickets.ofSubject(subjectId).stream().map(codec::stored).toList();
        List<InboxTicket> waiting = inboxTicket(subjectId)
                .map(t -> codec.inbox(List.of(t), Map.of(t.id, inboxArticles.ofTickets(List.of(t.id)))))
                .orElse(List.of());
        return List.of(
                new CategoryExport(TICKETS, own.size(), json.valueToTree(own)),
                new CategoryExport(UNMATCHED, waiting.size(), json.valueToTree(waiting)));
    }

    /** Deletes the customer's tickets, or the inbox ticket of this id (its key goes with the erasure). Idempotent. */
    List<CategoryOutcome> erase(UUID subjectId) {
        long own = tickets.deleteOfSubject(subjectId);
        long waiting =
                inboxTicket(subjectId).map(t -> tickets.delete(t.id) ? 1L : 0L).orElse(0L);
        return List.of(CategoryOutcome.erased(TICKETS, own), CategoryOutcome.erased(UNMATCHED, waiting));
    }

    private Optional<Ticket> inboxTicket(UUID id) {
        return tickets.find(id).filter(Ticket::inInbox);
    }
}
