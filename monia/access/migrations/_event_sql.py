"""The SQL of the access log at national volume (migration 0010). Kept beside the
migrations, frozen: a later change is a new migration with its own copy.

``access_accessevent``: one row per read event (a list view is one row) carrying the
persons shown, each with its case and basis (parallel arrays), hash-chained per county by
the insert trigger — one chain step per event. ``access_personread``: whose data, one
narrow row per person shown, no foreign keys and no triggers, written by the same
statement; "who has seen my data" is a range scan of its (person_id, at) index. Both are
partitioned by month of ``at`` (UTC) with a DEFAULT partition as a safety net.
"""

# The chain trigger learns the log's name from its argument: a row trigger on a
# partitioned table runs on the partition, whose name TG_TABLE_NAME would give.
CHAIN_FUNCTION = r"""
CREATE OR REPLACE FUNCTION monia_log_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    lname text := coalesce(TG_ARGV[0], TG_TABLE_NAME);
    cid bigint;
    head record;
BEGIN
    IF lname IN ('access_accesslog', 'access_accessevent') THEN
        cid := NEW.county_id;
    ELSIF lname = 'network_disclosurelog' THEN
        SELECT county_id INTO cid FROM casework_case WHERE id = NEW.case_id;
    ELSE
        SELECT county_id INTO cid FROM enotify_enotification WHERE id = NEW.enotification_id;
    END IF;
    SELECT seq, hash INTO head FROM access_logchainhead
        WHERE log = lname AND county_id = cid FOR UPDATE;
    IF NOT FOUND THEN
        INSERT INTO access_logchainhead (log, county_id, seq, hash)
            VALUES (lname, cid, 0, '') ON CONFLICT (log, county_id) DO NOTHING;
        SELECT seq, hash INTO head FROM access_logchainhead
            WHERE log = lname AND county_id = cid FOR UPDATE;
    END IF;
    NEW.chain_seq := head.seq + 1;
    NEW.chain_hash := monia_log_row_digest(head.hash, NEW);
    UPDATE access_logchainhead SET seq = NEW.chain_seq, hash = NEW.chain_hash
        WHERE log = lname AND county_id = cid;
    RETURN NEW;
END
$$;
"""

# One month's partition of a log table (UTC months), created if missing. A partition of
# the append-only event log gets its own TRUNCATE trigger: PostgreSQL clones row
# triggers to partitions, not statement triggers, and a partition can be named directly.
PARTITION_FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION monia_log_partition(parent text, month date) RETURNS boolean
LANGUAGE plpgsql SET timezone = 'UTC' AS $$
DECLARE
    first date := date_trunc('month', month)::date;
    name text := parent || '_p' || to_char(first, 'YYYYMM');
BEGIN
    IF to_regclass(name) IS NOT NULL THEN
        RETURN false;
    END IF;
    EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                   name, parent, first::timestamptz, (first + interval '1 month')::timestamptz);
    IF EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = parent::regclass
               AND tgname = 'monia_append_only_row') THEN
        EXECUTE format('CREATE TRIGGER monia_append_only_truncate BEFORE TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION monia_log_append_only()', name);
    END IF;
    RETURN true;
END
$$;

-- This month and the next ``months`` months of both tables: how many were created.
CREATE OR REPLACE FUNCTION monia_log_partitions_ahead(months integer) RETURNS integer
LANGUAGE plpgsql SET timezone = 'UTC' AS $$
DECLARE
    made integer := 0;
    m date;
BEGIN
    FOR m IN SELECT generate_series(date_trunc('month', now()),
                                    date_trunc('month', now()) + make_interval(months => months),
                                    interval '1 month')::date
    LOOP
        made := made + monia_log_partition('access_accessevent', m)::integer
                     + monia_log_partition('access_personread', m)::integer;
    END LOOP;
    RETURN made;
END
$$;
"""

TABLES = r"""
CREATE SEQUENCE access_accessevent_id_seq;
CREATE TABLE access_accessevent (
    id bigint NOT NULL DEFAULT nextval('access_accessevent_id_seq'),
    at timestamptz NOT NULL,
    user_id bigint NOT NULL
        REFERENCES accounts_user (id) DEFERRABLE INITIALLY DEFERRED,
    county_id bigint NOT NULL
        REFERENCES teams_county (id) DEFERRABLE INITIALLY DEFERRED,
    case_id bigint NULL
        REFERENCES casework_case (id) DEFERRABLE INITIALLY DEFERRED,
    purpose varchar(80) NOT NULL,
    channel varchar(10) NOT NULL,
    persons bigint[] NOT NULL,
    cases bigint[] NOT NULL,
    bases varchar(30)[] NOT NULL,
    chain_seq bigint NULL,
    chain_hash varchar(64) NULL,
    PRIMARY KEY (id, at),
    CONSTRAINT accessevent_arrays_parallel CHECK (
        cardinality(persons) > 0
        AND cardinality(cases) = cardinality(persons)
        AND cardinality(bases) = cardinality(persons))
) PARTITION BY RANGE (at);
ALTER SEQUENCE access_accessevent_id_seq OWNED BY access_accessevent.id;
-- A user's reads (audit of one worker), and a case's reads of persons other than the
-- child (FHIR export): both small beside the person index, per event not per person.
CREATE INDEX accessevent_user_time_idx ON access_accessevent (user_id, at);
CREATE INDEX accessevent_case_time_idx ON access_accessevent (case_id, at)
    WHERE case_id IS NOT NULL;
CREATE TABLE access_accessevent_default PARTITION OF access_accessevent DEFAULT;

CREATE TABLE access_personread (
    person_id bigint NOT NULL,
    at timestamptz NOT NULL,
    day date NOT NULL,  -- the read's day in the installation's time zone (TIME_ZONE)
    event_id bigint NOT NULL,
    user_id bigint NOT NULL,
    case_id bigint NULL,
    purpose varchar(80) NOT NULL,
    basis varchar(30) NOT NULL
) PARTITION BY RANGE (at);
CREATE INDEX personread_person_time_idx ON access_personread (person_id, at)
    INCLUDE (user_id, day, purpose, basis);
CREATE TABLE access_personread_default PARTITION OF access_personread DEFAULT;

CREATE TRIGGER monia_append_only_row BEFORE UPDATE OR DELETE ON access_accessevent
    FOR EACH ROW EXECUTE FUNCTION monia_log_append_only();
CREATE TRIGGER monia_append_only_truncate BEFORE TRUNCATE ON access_accessevent
    FOR EACH STATEMENT EXECUTE FUNCTION monia_log_append_only();
CREATE TRIGGER monia_append_only_truncate BEFORE TRUNCATE ON access_accessevent_default
    FOR EACH STATEMENT EXECUTE FUNCTION monia_log_append_only();
CREATE TRIGGER monia_chain BEFORE INSERT ON access_accessevent
    FOR EACH ROW EXECUTE FUNCTION monia_log_chain('access_accessevent');

-- Partitions for every month the old log holds, and this month and three ahead.
SELECT monia_log_partition(p, m::date)
FROM (VALUES ('access_accessevent'), ('access_personread')) t(p),
     generate_series(
         date_trunc('month', least(now(), (SELECT min(at) FROM access_accesslog))),
         date_trunc('month', now()), interval '1 month') m;
SELECT monia_log_partitions_ahead(3);
"""

# Every old row becomes an event of one person, in the old chain's order per county
# (re-chained by the trigger: the old hashes covered the old row shape). One statement
# each (the person rows' day takes the time zone as a parameter).
MOVE_EVENTS = r"""
SET CONSTRAINTS ALL IMMEDIATE;
INSERT INTO access_accessevent
    (at, user_id, county_id, case_id, purpose, channel, persons, cases, bases)
SELECT at, user_id, county_id, case_id, purpose, channel,
       ARRAY[person_id], ARRAY[case_id], ARRAY[basis]::varchar(30)[]
FROM access_accesslog ORDER BY county_id, chain_seq NULLS FIRST, id;
"""
MOVE_PERSONS = r"""
INSERT INTO access_personread
    (person_id, at, day, event_id, user_id, case_id, purpose, basis)
SELECT u.person_id, e.at, (e.at AT TIME ZONE %s)::date, e.id, e.user_id, u.case_id,
       e.purpose, u.basis
FROM access_accessevent e, unnest(e.persons, e.cases, e.bases) u(person_id, case_id, basis)
"""
DROP_OLD = r"""
DELETE FROM access_logchainhead WHERE log = 'access_accesslog';
DROP TABLE access_accesslog;
DROP SEQUENCE IF EXISTS access_accesslog_id_seq;
"""

# The per-person view of the events, for reading by Django (``AccessLog``): every fact of
# the old row, derived from the chained events. Never for a person's reads at volume —
# that is ``access_personread``'s index.
VIEW = r"""
CREATE VIEW access_accesslog AS
SELECT e.id * 65536 + u.n AS id, e.id AS event_id, e.at, e.user_id, e.county_id,
       u.person_id, u.case_id, e.purpose, u.basis, e.channel, e.chain_seq, e.chain_hash
FROM access_accessevent e,
     unnest(e.persons, e.cases, e.bases) WITH ORDINALITY u(person_id, case_id, basis, n);
"""

# Back to one row per person (the tests of older migrations walk back through here).
REVERSE = r"""
DROP VIEW access_accesslog;
CREATE TABLE access_accesslog (
    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL,
    purpose varchar(80) NOT NULL,
    basis varchar(30) NOT NULL,
    channel varchar(10) NOT NULL,
    case_id bigint NULL CONSTRAINT access_accesslog_case_id_0067de7c_fk_casework_case_id
        REFERENCES casework_case (id) DEFERRABLE INITIALLY DEFERRED,
    county_id bigint NOT NULL CONSTRAINT access_accesslog_county_id_ddaa7c91_fk_teams_county_id
        REFERENCES teams_county (id) DEFERRABLE INITIALLY DEFERRED,
    person_id bigint NOT NULL
        CONSTRAINT access_accesslog_person_id_7f8860f3_fk_people_person_id
        REFERENCES people_person (id) DEFERRABLE INITIALLY DEFERRED,
    user_id bigint NOT NULL CONSTRAINT access_accesslog_user_id_e41672b7_fk_accounts_user_id
        REFERENCES accounts_user (id) DEFERRABLE INITIALLY DEFERRED,
    chain_hash varchar(64) NULL,
    chain_seq bigint NULL
);
CREATE INDEX access_accesslog_at_f8e3687e ON access_accesslog (at);
CREATE INDEX access_accesslog_case_id_0067de7c ON access_accesslog (case_id);
CREATE INDEX access_accesslog_county_id_ddaa7c91 ON access_accesslog (county_id);
CREATE INDEX access_accesslog_person_id_7f8860f3 ON access_accesslog (person_id);
CREATE INDEX access_accesslog_user_id_e41672b7 ON access_accesslog (user_id);
CREATE INDEX accesslog_person_time_idx ON access_accesslog (person_id, at);
CREATE TRIGGER monia_append_only_row BEFORE DELETE OR UPDATE ON access_accesslog
    FOR EACH ROW EXECUTE FUNCTION monia_log_append_only();
CREATE TRIGGER monia_append_only_truncate BEFORE TRUNCATE ON access_accesslog
    FOR EACH STATEMENT EXECUTE FUNCTION monia_log_append_only();
CREATE TRIGGER monia_chain BEFORE INSERT ON access_accesslog
    FOR EACH ROW EXECUTE FUNCTION monia_log_chain();
SET CONSTRAINTS ALL IMMEDIATE;
INSERT INTO access_accesslog (at, purpose, basis, channel, case_id, county_id, person_id, user_id)
SELECT e.at, e.purpose, u.basis, e.channel, u.case_id, e.county_id, u.person_id, e.user_id
FROM access_accessevent e,
     unnest(e.persons, e.cases, e.bases) WITH ORDINALITY u(person_id, case_id, basis, n)
ORDER BY e.county_id, e.chain_seq, u.n;
DELETE FROM access_logchainhead WHERE log = 'access_accessevent';
DROP TABLE access_personread;
DROP TABLE access_accessevent;
DROP FUNCTION monia_log_partitions_ahead(integer);
DROP FUNCTION monia_log_partition(text, date);
"""
