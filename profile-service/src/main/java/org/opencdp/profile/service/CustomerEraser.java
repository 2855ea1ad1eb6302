package org.opencdp.profile.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.outbox.Outbox;
import org.opencdp.profile.repository.CustomerRepository;
import org.opencdp.profile.repository.TicketRepository;

/**
 * Removes a customer and everything derived from it in profile-service: the row, its blind-index entries and
 * contact links (both by foreign-key cascade), its follow-ups, the pipeline facts of the lead it was converted
 * from and its tickets (all by subject id), and already delivered events that still carry its attributes.
 * Other services learn of it through the {@code customer.deleted} event. Used by a deletion through the API and
 * by an erasure request.
 */
@ApplicationScoped
public class CustomerEraser {

    @Inject
    CustomerRepository customers;

    @Inject
    ProfileEvents events;

    @Inject
    Outbox outbox;

    @Inject
    SalesSubjectData salesData;

    @Inject
    TicketRepository tickets;

    /** Returns whether there was a customer to erase. */
    public boolean erase(UUID id) {
        boolean existed = customers.delete(id);
        outbox.forgetDeliveredEventsOf(id);
        salesData.erase(id);
        tickets.deleteOfSubject(id);
        if (existed) {
            events.deleted(id);
        }
        return existed;
    }
}
