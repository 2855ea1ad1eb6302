package org.opencdp.profile.domain;

import java.util.List;
import java.util.UUID;

/** One page of leads and the id the next page starts after (null on the last page). */
public record LeadPage(List<StoredLead> leads, UUID next) {}
