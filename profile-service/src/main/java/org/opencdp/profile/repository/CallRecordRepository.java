package org.opencdp.profile.repository;

import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.jdbc.Jdbc;
import org.opencdp.profile.domain.CallRecord;

/** The calls still going (table {@code call_record}), by the id of their timeline entry. */
@ApplicationScoped
public class CallRecordRepository {

    @Inject
    DataSource dataSource;

    public Optional<CallRecord> find(UUID entryId) {
        return Jdbc.first(
                dataSource,
                "SELECT entry_id, subject_id, applied_events, answered_at FROM call_record WHERE entry_id = ?",
                rs -> {
                    CallRecord call = new CallRecord();
                    call.entryId = Jdbc.uuid(rs, 1);
                    call.subjectId = Jdbc.uuid(rs, 2);
                    call.appliedEvents = rs.getString(3);
                    call.answeredAt = Jdbc.instant(rs, 4);
                    return call;
                },
                entryId);
    }

    public void insert(CallRecord call) {
        Jdbc.update(
                dataSource,
                "INSERT INTO call_record (entry_id, subject_id, applied_events, answered_at) VALUES (?, ?, ?, ?)",
                call.entryId,
                call.subjectId,
                call.appliedEvents,
                call.answeredAt);
    }

    /** Writes the events applied since it was read and the answer time. */
    public void update(CallRecord call) {
        Jdbc.update(
                dataSource,
                "UPDATE call_record SET applied_events = ?, answered_at = ? WHERE entry_id = ?",
                call.appliedEvents,
                call.answeredAt,
                call.entryId);
    }

    public void delete(UUID entryId) {
        Jdbc.update(dataSource, "DELETE FROM call_record WHERE entry_id = ?", entryId);
    }
}
