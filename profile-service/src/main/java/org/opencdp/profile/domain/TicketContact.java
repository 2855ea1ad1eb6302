package org.opencdp.profile.domain;

/**
 * Whom the ticket system names as the ticket's customer: what matches it to a customer (e-mail, then phone) and what
 * an agent sees of an unmatched ticket. Every field may be null.
 */
public record TicketContact(String name, String email, String phone) {}
