package org.opencdp.retention.domain;

import java.util.List;
import java.util.UUID;

/** One page of requests and the last one of the page to continue after (null on the last page). */
public record RequestPage(List<SubjectRequest> requests, UUID next) {}
