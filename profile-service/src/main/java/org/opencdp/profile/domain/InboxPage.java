package org.opencdp.profile.domain;

import java.util.List;
import java.util.UUID;

/** One page of the inbox, oldest first, and the id the next page starts after (null on the last page). */
public record InboxPage(List<InboxTicket> tickets, UUID next) {}
