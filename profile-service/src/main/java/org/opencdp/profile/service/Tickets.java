package org.opencdp.profile.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opencdp.audit.AuditTrail;
import org.opencdp.caller.Caller;
import org.opencdp.personaldata.SubjectKeyVault;
import org.opencdp.problem.ProblemException;
import org.opencdp.profile.domain.InboxArticle;
import org.opencdp.profile.domain.InboxPage;
import org.opencdp.profile.domain.InboxTicket;
import org.opencdp.profile.domain.NewTimelineEntry;
import org.opencdp.profile.domain.Ticket;
import org.opencdp.profile.domain.TicketArticle;
import org.opencdp.profile.domain.TicketDelivery;
import org.opencdp.profile.domain.TicketReceipt;
import org.opencdp.profile.domain.TimelineChannel;
import org.opencdp.profile.repository.InboxArticleRepository;
import org.opencdp.profile.repository.TicketRepository;
import org.opencdp.sensitivenumbers.SensitiveNumbers;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Tickets of ticket systems: a delivery (a ticket with the article that caused it) is matched to the customer by the
 * contact's e-mail address, then phone number ({@link TicketCustomers}); the ticket's state is kept for the caller
 * card's open tickets and its articles go on the customer's timeline (channel TICKET, idempotent by the article).
 * A ticket no customer or several customers match waits in the inbox, encrypted with a key of its own, until an
 * agent assigns it; later articles of an assigned ticket follow it.
 */
@ApplicationScoped
public class Tickets {

    static final String SUMMARY_FIELD = "ticket-article.summary";
    static final String REFERENCE_FIELD = "ticket-article.reference";
    static final String WRITE = "ticket.write";
    static final String ASSIGN = "ticket.assign";
    static final String INBOX_WRITE = "ticket-inbox.write";
    static final String INBOX_READ = "ticket-inbox.read";
    static final String INBOX_ASSIGN = "ticket-inbox.assign";
    /** What replaces a title or summary that looks like it holds a card number or IBAN (never stored). */
    static final String WITHHELD = "(not kept: it looked like it contained a card number or IBAN)";

    @Inject
    TicketRepository tickets;

    @Inject
    InboxArticleRepository inboxArticles;

    @Inject
    TicketCodec codec;

    @Inject
    TimelineCodec timelineCodec;

    @Inject
    TicketCustomers customers;

    @Inject
    Timeline timeline;

    @Inject
    SubjectKeyVault keys;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /**
     * Takes a delivery of the integration {@code source} ({@code integration:<name>}, also the audit trail's actor).
     * Several deliveries of one ticket are serialised; one older than what is stored (by the ticket's update time)
     * changes neither state nor title, but its article is still recorded.
     */
    @Transactional
    public TicketReceipt receive(TicketDelivery delivery, String source, String purpose) {
        byte[] externalHash = codec.externalHash(source, delivery.ticketId());
        tickets.lockExternalHash(externalHash);
        Optional<Ticket> known = tickets.byExternalHash(externalHash);
        Ticket ticket = known.orElseGet(() -> create(delivery, source, externalHash));
        if (known.isPresent()) {
            update(ticket, delivery);
        }
        boolean recorded = delivery.article() != null && record(ticket, delivery, purpose);
        if (ticket.inInbox()) {
            audit.recordAs(source, Caller.Kind.SERVICE, ticket.id, INBOX_WRITE, purpose);
        } else {
            audit.recordAs(source, Caller.Kind.SERVICE, ticket.subjectId, WRITE, purpose);
        }
        return new TicketReceipt(ticket.id, ticket.inInbox(), recorded);
    }

    /** One page of the inbox, oldest first; every ticket shown is recorded as read under its own id. */
    @Transactional
    public InboxPage inbox(UUID after, int limit, String purpose) {
        Ticket cursor = after == null
                ? null
                : tickets.find(after)
                        .filter(Ticket::inInbox)
                        .orElseThrow(() -> ProblemException.invalidField(
                                "cursor", "is not a cursor this API returned; start again without it"));
        List<Ticket> found = tickets.inboxPage(cursor, limit + 1);
        List<Ticket> page = found.subList(0, Math.min(limit, found.size()));
        UUID next = found.size() > limit ? page.getLast().id : null;
        Map<UUID, List<InboxArticle>> articles = inboxArticles
                .ofTickets(page.stream().map(t -> t.id).toList())
                .stream()
                .collect(Collectors.groupingBy(a -> a.ticketId));
        List<InboxTicket> shown = codec.inbox(page, articles);
        Map<UUID, String> reads = new TreeMap<>();
        shown.forEach(t -> reads.put(t.id(), INBOX_READ));
        audit.recordReads(reads, purpose);
        return new InboxPage(shown, next);
    }

    /**
     * Moves an inbox ticket to the customer: its articles become the customer's timeline entries (recorded by the
     * agent, from the ticket's source, so that a repeated article is still recognised), its fields are encrypted with
     * the customer's key, the contact the ticket system named is dropped, and once that committed the ticket's own
     * key is destroyed. Returns how many articles moved.
     */
    public int assign(UUID ticketId, UUID customerId, String purpose) {
        int moved = QuarkusTransaction.requiringNew().call(() -> moveToCustomer(ticketId, customerId, purpose));
        keys.destroy(ticketId);
        return moved;
    }

    private int moveToCustomer(UUID ticketId, UUID customerId, String purpose) {
        Ticket ticket = tickets.findLocked(ticketId)
                .orElseThrow(() -> ProblemException.notFound("There is no ticket " + ticketId + " in the inbox."));
        if (!ticket.inInbox()) {
            throw ProblemException.conflict("The ticket was assigned to a customer already.");
        }
        timeline.requireUsable(customerId);
        List<InboxArticle> articles = inboxArticles.ofTickets(List.of(ticketId));
        for (InboxArticle article : articles) {
            timeline.record(
                    customerId,
                    new NewTimelineEntry(
                            TimelineChannel.TICKET,
                            article.direction,
                            article.occurredAt,
                            null,
                            null,
                            codec.decryptArticle(ticketId, SUMMARY_FIELD, article.encryptedSummary),
                            codec.decryptArticle(ticketId, REFERENCE_FIELD, article.encryptedReference),
                            false),
                    ticket.source,
                    purpose);
        }
        inboxArticles.deleteOfTicket(ticketId);
        String number = codec.number(ticket);
        String title = codec.title(ticket);
        ticket.subjectId = customerId;
        codec.encrypt(ticket, number, title, null);
        tickets.update(ticket);
        audit.record(ticketId, INBOX_ASSIGN, purpose);
        audit.record(customerId, ASSIGN, purpose);
        return articles.size();
    }

    private Ticket create(TicketDelivery delivery, String source, byte[] externalHash) {
        Ticket ticket = new Ticket();
        ticket.id = UUID.randomUUID();
        ticket.source = source;
        ticket.externalHash = externalHash;
        ticket.subjectId = customers.matching(delivery.contact()).orElse(null);
        ticket.state = delivery.state();
        ticket.updatedAt = delivery.updatedAt().truncatedTo(ChronoUnit.MICROS);
        ticket.receivedAt = now();
        ticket.lastReceivedAt = ticket.receivedAt;
        if (ticket.inInbox()) {
            codec.newInboxKey(ticket.id);
        }
        codec.encrypt(ticket, delivery.number(), withoutPaymentNumbers(delivery.title()), delivery.contact());
        tickets.insert(ticket);
        return ticket;
    }

    private void update(Ticket ticket, TicketDelivery delivery) {
        ticket.lastReceivedAt = now();
        Instant updated = delivery.updatedAt().truncatedTo(ChronoUnit.MICROS);
        if (!updated.isBefore(ticket.updatedAt)) {
            ticket.updatedAt = updated;
            ticket.state = delivery.state();
            codec.encrypt(
                    ticket,
                    delivery.number(),
                    withoutPaymentNumbers(delivery.title()),
                    ticket.inInbox() ? delivery.contact() : null);
        }
        tickets.update(ticket);
    }

    /** Records the delivery's article on the customer's timeline or in the inbox; false when it was there before. */
    private boolean record(Ticket ticket, TicketDelivery delivery, String purpose) {
        TicketArticle article = delivery.article();
        NewTimelineEntry entry = new NewTimelineEntry(
                TimelineChannel.TICKET,
                article.sender().direction(article.internal()),
                article.occurredAt(),
                null,
                null,
                withoutPaymentNumbers(article.summary()),
                article.reference(delivery.ticketId()),
                false);
        if (!ticket.inInbox()) {
            return timeline.recordAs(ticket.subjectId, entry, ticket.source, purpose)
                    .created();
        }
        byte[] referenceHash = timelineCodec.referenceHash(ticket.source, entry.externalReference());
        if (inboxArticles.existsByReference(referenceHash)) {
            return false;
        }
        InboxArticle row = new InboxArticle();
        row.id = UUID.randomUUID();
        row.ticketId = ticket.id;
        row.referenceHash = referenceHash;
        row.direction = entry.direction();
        row.occurredAt = entry.occurredAt().truncatedTo(ChronoUnit.MICROS);
        row.encryptedSummary = codec.encryptArticle(ticket.id, SUMMARY_FIELD, entry.summary());
        row.encryptedReference = codec.encryptArticle(ticket.id, REFERENCE_FIELD, entry.externalReference());
        row.receivedAt = now();
        inboxArticles.insert(row);
        return true;
    }

    private static String withoutPaymentNumbers(String text) {
        return text != null && SensitiveNumbers.find(text) != null ? WITHHELD : text;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
