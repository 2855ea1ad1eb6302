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

/** The report of every purge run by run id (table {@code retention_purge_run}), so a repeated run id is answered. */
@ApplicationScoped
public class RetentionPurgeReports {

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Transactional
    public Optional<RetentionPurgeReport> of(UUID runId) {
        return Jdbc.first(
                        dataSource,
                        "SELECT report FROM retention_purge_run WHERE run_id = ?",
                        rs -> rs.getString(1),
                        runId)
                .map(this::read);
    }

    /** Keeps the report; of two concurrent runs with the same id the first one's report stays and is returned. */
    @Transactional
    public RetentionPurgeReport keep(RetentionPurgeReport report) {
        Jdbc.update(dataSource, """
                INSERT INTO retention_purge_run (run_id, report) VALUES (?, ?::jsonb)
                ON CONFLICT (run_id) DO NOTHING""", report.runId(), write(report));
        return of(report.runId()).orElse(report);
    }

    private RetentionPurgeReport read(String stored) {
        try {
            return json.readValue(stored, RetentionPurgeReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read retention purge reports", e);
        }
    }

    private String write(RetentionPurgeReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot keep a retention purge report", e);
        }
    }
}
