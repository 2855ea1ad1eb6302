package org.opencdp.profile.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.personaldata.BlindIndex;
import org.opencdp.personaldata.SubjectKey;
import org.opencdp.personaldata.SubjectKeyVault;
import org.opencdp.profile.domain.InboxArticle;
import org.opencdp.profile.domain.InboxTicket;
import org.opencdp.profile.domain.StoredTicket;
import org.opencdp.profile.domain.Ticket;
import org.opencdp.profile.domain.TicketContact;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Encrypts a ticket's fields with the key of its {@link Ticket#keyId()}: the customer's, or in the inbox the
 * ticket's own, which {@link #newInboxKey} creates and the inbox's expiry or the assignment destroys.
 */
@ApplicationScoped
class TicketCodec {

    static final String NUMBER_FIELD = "ticket.number";
    static final String TITLE_FIELD = "ticket.title";
    static final String CONTACT_FIELD = "ticket.contact";
    private static final String EXTERNAL_INDEX = "ticket.external-id";

    @Inject
    SubjectKeyVault keys;

    @Inject
    BlindIndex blindIndex;

    @Inject
    ObjectMapper json;

    /** The keyed hash that finds the ticket again without keeping the ticket system's id in clear. */
    byte[] externalHash(String source, String ticketId) {
        return blindIndex.exact(EXTERNAL_INDEX, source + "\n" + ticketId);
    }

    /** Creates the key of a new inbox ticket (committed on its own, before the ticket). */
    void newInboxKey(UUID ticketId) {
        keys.newKey(ticketId);
    }

    /** Number and title (and in the inbox the contact) encrypted with the ticket's current key. */
    void encrypt(Ticket ticket, String number, String title, TicketContact contact) {
        SubjectKey key = keys.keyFor(ticket.keyId());
        ticket.encryptedNumber = number == null ? null : key.encrypt(NUMBER_FIELD, number);
        ticket.encryptedTitle = title == null ? null : key.encrypt(TITLE_FIELD, title);
        ticket.encryptedContact = ticket.inInbox() ? key.encrypt(CONTACT_FIELD, document(contact)) : null;
    }

    String number(Ticket ticket) {
        return decrypt(ticket, NUMBER_FIELD, ticket.encryptedNumber);
    }

    String title(Ticket ticket) {
        return decrypt(ticket, TITLE_FIELD, ticket.encryptedTitle);
    }

    TicketContact contact(Ticket ticket) {
        return read(decrypt(ticket, CONTACT_FIELD, ticket.encryptedContact));
    }

    byte[] encryptArticle(UUID ticketId, String field, String value) {
        return value == null ? null : keys.keyFor(ticketId).encrypt(field, value);
    }

    String decryptArticle(UUID ticketId, String field, byte[] value) {
        return value == null ? null : keys.keyFor(ticketId).decrypt(field, value);
    }

    StoredTicket stored(Ticket ticket) {
        return new StoredTicket(
                ticket.id,
                ticket.source,
                number(ticket),
                title(ticket),
                ticket.state,
                ticket.updatedAt,
                ticket.receivedAt);
    }

    /** Inbox tickets with their articles, decrypted with one key lookup; one whose key is gone is left out. */
    List<InboxTicket> inbox(List<Ticket> tickets, Map<UUID, List<InboxArticle>> articles) {
        Map<UUID, SubjectKey> keysById =
                keys.existingKeys(tickets.stream().map(t -> t.id).toList());
        return tickets.stream()
                .filter(t -> keysById.containsKey(t.id))
                .map(t -> {
                    SubjectKey key = keysById.get(t.id);
                    return new InboxTicket(
                            t.id,
                            t.source,
                            t.encryptedNumber == null ? null : key.decrypt(NUMBER_FIELD, t.encryptedNumber),
                            t.encryptedTitle == null ? null : key.decrypt(TITLE_FIELD, t.encryptedTitle),
                            t.state,
                            read(key.decrypt(CONTACT_FIELD, t.encryptedContact)),
                            t.receivedAt,
                            t.lastReceivedAt,
                            articles.getOrDefault(t.id, List.of()).stream()
                                    .map(a -> new InboxTicket.Article(
                                            a.direction,
                                            a.occurredAt,
                                            a.encryptedSummary == null
                                                    ? null
                                                    : key.decrypt(Tickets.SUMMARY_FIELD, a.encryptedSummary)))
                                    .toList());
                })
                .toList();
    }

    private String decrypt(Ticket ticket, String field, byte[] value) {
        return value == null ? null : keys.keyFor(ticket.keyId()).decrypt(field, value);
    }

    private String document(TicketContact contact) {
        try {
            return json.writeValueAsString(contact);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TicketContact read(String document) {
        if (document == null) {
            return null;
        }
        try {
            return json.readValue(document, TicketContact.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
