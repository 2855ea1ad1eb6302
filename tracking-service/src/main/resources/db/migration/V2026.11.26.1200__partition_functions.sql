-- The service connects as the application's role (<database>_app), which owns no table and may not create or drop
-- one. Monthly partitions are created ahead and expired ones dropped by these two functions, owned by the owner
-- role (SECURITY DEFINER) and executable by the application: the application can add and remove whole months of
-- tracked_event and nothing else. The partitions belong to the owner; the default privileges give the application
-- its row rights on them, as on every table.

CREATE FUNCTION tracked_event_create_partition(month date) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    first_day date := date_trunc('month', month)::date;
BEGIN
    IF first_day > (date_trunc('month', now() AT TIME ZONE 'UTC') + interval '12 months')::date THEN
        RAISE EXCEPTION 'partitions are created at most a year ahead, not for %', first_day;
    END IF;
    EXECUTE format(
        'CREATE TABLE IF NOT EXISTS %I PARTITION OF tracked_event FOR VALUES FROM (%L) TO (%L)',
        'tracked_event_' || to_char(first_day, 'YYYY_MM'),
        first_day::timestamp AT TIME ZONE 'UTC',
        (first_day + interval '1 month')::timestamp AT TIME ZONE 'UTC');
END;
$$;

-- Only a month that has ended: the current month and those ahead keep receiving events.
CREATE FUNCTION tracked_event_drop_partition(month date) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    first_day date := date_trunc('month', month)::date;
BEGIN
    IF first_day >= date_trunc('month', now() AT TIME ZONE 'UTC')::date THEN
        RAISE EXCEPTION 'only a month that has ended is dropped, not %', first_day;
    END IF;
    EXECUTE format('DROP TABLE IF EXISTS %I', 'tracked_event_' || to_char(first_day, 'YYYY_MM'));
END;
$$;

REVOKE ALL ON FUNCTION tracked_event_create_partition(date), tracked_event_drop_partition(date) FROM PUBLIC;
DO $$
BEGIN
    EXECUTE format('GRANT EXECUTE ON FUNCTION tracked_event_create_partition(date), tracked_event_drop_partition(date)'
                   || ' TO %I', current_database() || '_app');
END
$$;
