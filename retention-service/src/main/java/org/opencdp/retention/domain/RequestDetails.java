package org.opencdp.retention.domain;

import java.util.List;

/** A request with its tasks, one per participating service. */
public record RequestDetails(SubjectRequest request, List<RequestTask> tasks) {}
