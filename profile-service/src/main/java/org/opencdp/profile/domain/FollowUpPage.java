package org.opencdp.profile.domain;

import java.util.List;
import java.util.UUID;

/** One page of follow-ups and the id the next page starts after (null on the last page). */
public record FollowUpPage(List<StoredFollowUp> followUps, UUID next) {}
