package org.opencdp.tracking.repository;

import java.sql.PreparedStatement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.jdbc.Jdbc;

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
        return Jdbc.first(
                        dataSource,
                        "SELECT date_trunc('month', now() AT TIME ZONE 'UTC')::date",
                        row -> YearMonth.from(Jdbc.date(row, 1)))
                .orElseThrow();
    }

    public List<YearMonth> existing() {
        List<YearMonth> months = new ArrayList<>();
        for (String partition : Jdbc.list(
                dataSource,
                "SELECT child.relname FROM pg_inherits JOIN pg_class parent ON parent.oid = inhparent "
                        + "JOIN pg_class child ON child.oid = inhrelid WHERE parent.relname = 'tracked_event'",
                rows -> rows.getString(1))) {
            Matcher match = NAME.matcher(partition);
            if (match.matches()) {
                months.add(YearMonth.of(Integer.parseInt(match.group(1)), Integer.parseInt(match.group(2))));
            }
        }
        return months;
    }

    private void call(String sql, YearMonth month) {
        Jdbc.with(dataSource, c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                Jdbc.bind(c, statement, month.atDay(1));
                return statement.execute();
            }
        });
    }
}
