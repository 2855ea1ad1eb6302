package org.opencdp.profile.domain;

/** The outcome of recording an entry: the new one, or the one recorded before under the same external reference. */
public record TimelineWrite(StoredTimelineEntry entry, boolean created) {}
