package org.opencdp.profile.domain;

import java.util.List;
import java.util.UUID;

/** One page of a customer's timeline, newest first; {@code next} is the last entry's id when more follow. */
public record TimelinePage(List<StoredTimelineEntry> entries, UUID next) {}
