package org.opencdp.subjectrights;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT report FROM subject_rights_receipt WHERE request_id = ? AND action = ?")) {
            s.setObject(1, requestId);
            s.setString(2, action.name());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                SubjectRightsReport stored = json.readValue(rs.getString(1), SubjectRightsReport.class);
                return Optional.of(new SubjectRightsReport(
                        stored.service(),
                        subjectId,
                        stored.requestId(),
                        stored.action(),
                        stored.completedAt(),
                        stored.restricted(),
                        stored.categories()));
            }
        } catch (SQLException e) {
            throw Jdbc.failure("cannot read subject-rights receipts", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read subject-rights receipts", e);
        }
    }

    /** Keeps the receipt; of two concurrent calls with the same request id the first one's receipt stays. */
    @Transactional
    public SubjectRightsReport keep(SubjectRightsReport report) {
        SubjectRightsReport withoutSubject = new SubjectRightsReport(
                report.service(),
                null,
                report.requestId(),
                report.action(),
                report.completedAt(),
                report.restricted(),
                report.categories());
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        INSERT INTO subject_rights_receipt (request_id, action, report) VALUES (?, ?, ?::jsonb)
                        ON CONFLICT (request_id, action) DO NOTHING""")) {
            s.setObject(1, report.requestId());
            s.setString(2, report.action().name());
            s.setString(3, json.writeValueAsString(withoutSubject));
            s.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("cannot keep a subject-rights receipt", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot keep a subject-rights receipt", e);
        }
        return given(report.requestId(), report.action(), report.subjectId()).orElse(report);
    }
}
