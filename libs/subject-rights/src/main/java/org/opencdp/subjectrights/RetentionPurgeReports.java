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

/** The report of every purge run by run id (table {@code retention_purge_run}), so a repeated run id is answered. */
@ApplicationScoped
public class RetentionPurgeReports {

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Transactional
    public Optional<RetentionPurgeReport> of(UUID runId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT report FROM retention_purge_run WHERE run_id = ?")) {
            s.setObject(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next()
                        ? Optional.of(json.readValue(rs.getString(1), RetentionPurgeReport.class))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("cannot read retention purge reports", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read retention purge reports", e);
        }
    }

    /** Keeps the report; of two concurrent runs with the same id the first one's report stays and is returned. */
    @Transactional
    public RetentionPurgeReport keep(RetentionPurgeReport report) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        INSERT INTO retention_purge_run (run_id, report) VALUES (?, ?::jsonb)
                        ON CONFLICT (run_id) DO NOTHING""")) {
            s.setObject(1, report.runId());
            s.setString(2, json.writeValueAsString(report));
            s.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("cannot keep a retention purge report", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot keep a retention purge report", e);
        }
        return of(report.runId()).orElse(report);
    }
}
