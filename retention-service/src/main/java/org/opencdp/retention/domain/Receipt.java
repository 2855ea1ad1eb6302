package org.opencdp.retention.domain;

import java.util.List;
import java.util.UUID;

import org.opencdp.subjectrights.SubjectRightsReport;

/**
 * What an erasure, restriction or lifting did, per service and category. {@code noDataHeld} says that no service
 * held anything on the subject (an unknown subject, or one erased before). A service that has not answered yet has a
 * task without a report.
 */
public record Receipt(
        UUID requestId,
        UUID subjectId,
        RequestType type,
        RequestState state,
        boolean noDataHeld,
        List<ServiceReceipt> services) {

    public record ServiceReceipt(String participant, TaskStatus status, String lastError, SubjectRightsReport report) {}
}
