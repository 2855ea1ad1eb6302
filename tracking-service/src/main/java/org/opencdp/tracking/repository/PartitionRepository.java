package org.opencdp.tracking.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The monthly partitions of {@code tracked_event}, named {@code tracked_event_YYYY_MM}. The application's database
 * role may not create or drop tables: the owner's functions of migration V2026.11.26.1200 do it for whole months.
 */
@ApplicationScoped
public class PartitionRepository {

    private static final Pattern NAME = Pattern.compile("^tracked_event_(\\d{4})_(\\d{2})$");

    @Inject
    DataSource dataSource;

    public void ensure(YearMonth month) {
        call("SELECT tracked_event_create_partition(?)", month);
    }

    public void drop(YearMonth month) {
        call("SELECT tracked_event_drop_partition(?)", month);
    }

    /**
     * The current month by the database's clock: the drop function refuses it and every later month, so whoever
     * drops partitions asks the database, not the service's clock.
     */
    public YearMonth currentMonth() {
        try (Connection c = dataSource.getConnection();
                Statement statement = c.createStatement();
                ResultSet row = statement.executeQuery("SELECT date_trunc('month', now() AT TIME ZONE 'UTC')::date")) {
            row.next();
            return YearMonth.from(row.getObject(1, LocalDate.class));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's month", e);
        }
    }

    public List<YearMonth> existing() {
        try (Connection c = dataSource.getConnection();
                Statement statement = c.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT child.relname FROM pg_inherits JOIN pg_class parent ON parent.oid = inhparent "
                                + "JOIN pg_class child ON child.oid = inhrelid WHERE parent.relname = 'tracked_event'")) {
            List<YearMonth> months = new ArrayList<>();
            while (rows.next()) {
                Matcher match = NAME.matcher(rows.getString(1));
                if (match.matches()) {
                    months.add(YearMonth.of(Integer.parseInt(match.group(1)), Integer.parseInt(match.group(2))));
                }
            }
            return months;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the event partitions", e);
        }
    }

    private void call(String sql, YearMonth month) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setObject(1, month.atDay(1));
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change the event partitions", e);
        }
    }
}
