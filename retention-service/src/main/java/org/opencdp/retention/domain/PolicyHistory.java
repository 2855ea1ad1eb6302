package org.opencdp.retention.domain;

import java.util.List;

/** A category's policy in force and every version it had, newest first. */
public record PolicyHistory(RetentionPolicy current, List<RetentionPolicy> versions) {}
