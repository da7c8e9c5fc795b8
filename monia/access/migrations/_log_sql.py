"""The SQL of the log hash chain (migration 0007). Kept beside the migrations, frozen:
a later change is a new migration with its own copy."""

CHAIN_FUNCTIONS = r"""
-- The hash of one log row: sha256(previous hash || the row as JSON without its hash).
-- UTC whatever the session's time zone, so every session computes the same text.
CREATE OR REPLACE FUNCTION monia_log_row_digest(prev text, r anyelement) RETURNS text
LANGUAGE plpgsql STABLE SET timezone = 'UTC' AS $$
BEGIN
    RETURN encode(
        sha256(convert_to(coalesce(prev, '') || (to_jsonb(r) - 'chain_hash')::text, 'UTF8')),
        'hex'
    );
END
$$;

CREATE OR REPLACE FUNCTION monia_log_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    cid bigint;
    head record;
BEGIN
    IF TG_TABLE_NAME = 'access_accesslog' THEN
        cid := NEW.county_id;
    ELSIF TG_TABLE_NAME = 'network_disclosurelog' THEN
        SELECT county_id INTO cid FROM casework_case WHERE id = NEW.case_id;
    ELSE
        SELECT county_id INTO cid FROM enotify_enotification WHERE id = NEW.enotification_id;
    END IF;
    SELECT seq, hash INTO head FROM access_logchainhead
        WHERE log = TG_TABLE_NAME AND county_id = cid FOR UPDATE;
    IF NOT FOUND THEN
        INSERT INTO access_logchainhead (log, county_id, seq, hash)
            VALUES (TG_TABLE_NAME, cid, 0, '') ON CONFLICT (log, county_id) DO NOTHING;
        SELECT seq, hash INTO head FROM access_logchainhead
            WHERE log = TG_TABLE_NAME AND county_id = cid FOR UPDATE;
    END IF;
    NEW.chain_seq := head.seq + 1;
    NEW.chain_hash := monia_log_row_digest(head.hash, NEW);
    UPDATE access_logchainhead SET seq = NEW.chain_seq, hash = NEW.chain_hash
        WHERE log = TG_TABLE_NAME AND county_id = cid;
    RETURN NEW;
END
$$;
"""

DROP_CHAIN_FUNCTIONS = """
DROP FUNCTION IF EXISTS monia_log_chain();
DROP FUNCTION IF EXISTS monia_log_row_digest(text, anyelement);
"""


def chain_trigger(table: str) -> str:
    return (
        f"CREATE TRIGGER monia_chain BEFORE INSERT ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION monia_log_chain();"
    )


def drop_chain_trigger(table: str) -> str:
    return f"DROP TRIGGER IF EXISTS monia_chain ON {table};"


def backfill(table: str) -> str:
    """Chain the rows written before the chain: take them out and put them back in id
    order through the trigger (nothing refers to a log row)."""
    return f"""
SET CONSTRAINTS ALL IMMEDIATE;  -- ALTER TABLE refuses to run with FK checks pending
ALTER TABLE {table} DISABLE TRIGGER monia_append_only_row;
CREATE TEMP TABLE monia_backfill ON COMMIT DROP AS SELECT * FROM {table};
DELETE FROM {table};
INSERT INTO {table} SELECT * FROM monia_backfill ORDER BY id;
DROP TABLE monia_backfill;
SET CONSTRAINTS ALL IMMEDIATE;
ALTER TABLE {table} ENABLE TRIGGER monia_append_only_row;
SET CONSTRAINTS ALL DEFERRED;
"""
