-- (issue 9) The one way entries leave the trail: whole expired periods, deleted as the owner role through a
-- SECURITY DEFINER function. The application may call it (EXECUTE) but holds no UPDATE or DELETE on the trail, and
-- the function refuses a cut-off that is not the start of a month at least a year back: whoever has the
-- application's credentials can at most bring forward the deletion of entries older than a year, never touch
-- younger ones. The rule for checkpoints is in libs/audit/README.md ("Deleting expired audit periods").

-- Entries are appended in time order, so a BRIN index finds an old period without a full scan and costs little.
CREATE INDEX audit_entry_occurred_brin ON audit_entry USING brin (occurred_at);

-- The trigger lets a DELETE through only inside the purge function (a transaction-local setting it sets). Setting
-- it elsewhere gains nothing: the application's role has no DELETE right, and the owner could drop the trigger.
CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('opencdp.audit_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_entry is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- The second key of a subject's chain lock, as AuditChains.lockKey computes it: the subject id's two 64-bit halves
-- XORed, then the low 32 bits XORed with the high ones (a test compares both).
CREATE FUNCTION audit_chain_lock_key(subject uuid) RETURNS int4 LANGUAGE sql IMMUTABLE AS $$
    SELECT (((f # (f >> 32)) << 32)::bit(64))::bit(32)::int4
      FROM (SELECT ('x' || substr(h, 1, 16))::bit(64)::int8 # ('x' || substr(h, 17, 16))::bit(64)::int8 AS f
              FROM (SELECT replace(subject::text, '-', '') AS h) AS hex) AS folded
$$;

-- Deletes the entries older than the cut-off of at most max_subjects subjects and returns how many it deleted
-- (0: nothing older is left). Each subject's chain lock is held meanwhile, so no writer links a new entry to one
-- that is being deleted; a subject that keeps entries gets its checkpoint in the same transaction.
CREATE FUNCTION audit_delete_expired_period(cutoff timestamptz, max_subjects int) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    subjects uuid[];
    deleted bigint;
BEGIN
    IF cutoff IS NULL OR cutoff <> date_trunc('month', cutoff, 'UTC')
            OR cutoff > date_trunc('month', now() - interval '1 year', 'UTC') THEN
        RAISE EXCEPTION 'audit entries are deleted only in whole months at least a year old (cut-off %)', cutoff
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF max_subjects IS NULL OR max_subjects < 1 OR max_subjects > 10000 THEN
        RAISE EXCEPTION 'max_subjects must lie between 1 and 10000, not %', max_subjects;
    END IF;

    SELECT array_agg(subject_id) INTO subjects
      FROM (SELECT DISTINCT subject_id FROM audit_entry WHERE occurred_at < cutoff LIMIT max_subjects) AS expired;
    IF subjects IS NULL THEN
        RETURN 0;
    END IF;
    -- Ascending key order, as every writer takes its locks, so the purge and a writer cannot deadlock.
    PERFORM count(pg_advisory_xact_lock(1096107092, key)) -- 0x41554454, "AUDT": AuditChains.LOCK_SPACE
       FROM (SELECT DISTINCT audit_chain_lock_key(s) AS key FROM unnest(subjects) AS s ORDER BY 1) AS keys;

    INSERT INTO audit_chain_checkpoint (subject_id, first_entry_id, previous_hash, deleted_before)
    SELECT subject_id, id, previous_hash, cutoff
      FROM (SELECT DISTINCT ON (subject_id) subject_id, id, previous_hash
              FROM audit_entry
             WHERE subject_id = ANY (subjects) AND occurred_at >= cutoff
             ORDER BY subject_id, id) AS first_remaining
     WHERE previous_hash IS NOT NULL
    ON CONFLICT (subject_id) DO UPDATE
       SET first_entry_id = excluded.first_entry_id, previous_hash = excluded.previous_hash,
           deleted_before = excluded.deleted_before, recorded_at = now();
    -- A subject none of whose entries remain needs no checkpoint: its next entry starts a new chain.
    DELETE FROM audit_chain_checkpoint c
     WHERE c.subject_id = ANY (subjects)
       AND NOT EXISTS (SELECT 1 FROM audit_entry e WHERE e.subject_id = c.subject_id AND e.occurred_at >= cutoff);

    PERFORM set_config('opencdp.audit_purge', 'on', true);
    DELETE FROM audit_entry WHERE subject_id = ANY (subjects) AND occurred_at < cutoff;
    GET DIAGNOSTICS deleted = ROW_COUNT;
    PERFORM set_config('opencdp.audit_purge', 'off', true);
    RETURN deleted;
END;
$$;

REVOKE ALL ON FUNCTION audit_delete_expired_period(timestamptz, int) FROM PUBLIC;
DO $$
BEGIN
    EXECUTE format('GRANT EXECUTE ON FUNCTION audit_delete_expired_period(timestamptz, int) TO %I',
                   current_database() || '_app');
END
$$;
