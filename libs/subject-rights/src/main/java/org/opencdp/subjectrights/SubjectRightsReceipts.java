package org.opencdp.subjectrights;

import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opencdp.jdbc.Jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The receipts already given, by request id and action, so that every call of the contract is idempotent per
 * request id: the caller retries until it has an answer, and a retry must not report zero erased records where the
 * first call erased them. The subject id is left out of the stored receipt and filled in from the call.
 */
@ApplicationScoped
public class SubjectRightsReceipts {

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Transactional
    public Optional<SubjectRightsReport> given(UUID requestId, SubjectRightsAction action, UUID subjectId) {
        return Jdbc.first(
                        dataSource,
                        "SELECT report FROM subject_rights_receipt WHERE request_id = ? AND action = ?",
                        rs -> rs.getString(1),
                        requestId,
                        action)
                .map(stored -> withSubject(read(stored), subjectId));
    }

    /** Keeps the receipt; of two concurrent calls with the same request id the first one's receipt stays. */
    @Transactional
    public SubjectRightsReport keep(SubjectRightsReport report) {
        Jdbc.update(dataSource, """
                INSERT INTO subject_rights_receipt (request_id, action, report) VALUES (?, ?, ?::jsonb)
                ON CONFLICT (request_id, action) DO NOTHING""", report.requestId(), report.action(), write(withSubject(report, null)));
        return given(report.requestId(), report.action(), report.subjectId()).orElse(report);
    }

    private static SubjectRightsReport withSubject(SubjectRightsReport report, UUID subjectId) {
        return new SubjectRightsReport(
                report.service(),
                subjectId,
                report.requestId(),
                report.action(),
                report.completedAt(),
                report.restricted(),
                report.categories());
    }

    private SubjectRightsReport read(String stored) {
        try {
            return json.readValue(stored, SubjectRightsReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read subject-rights receipts", e);
        }
    }

    private String write(SubjectRightsReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot keep a subject-rights receipt", e);
        }
    }
}
