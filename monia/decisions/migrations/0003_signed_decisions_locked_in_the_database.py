"""A signed decision is never rewritten, even by whoever holds the application's database
user: the database refuses to change or delete a signed decision, and to add, change or
remove a party of one (HL 50–52 §: a decision is corrected by a new decision, never by
editing the old one). A draft is its preparer's to edit. DELETE passes only when the
transaction has set ``monia.retention = 'on'`` (the retention of records and the test
runner's flush), as for the logs and signed client notes.
"""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION monia_decision_locked() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    decision_id bigint;
BEGIN
    IF TG_OP = 'DELETE' AND coalesce(current_setting('monia.retention', true), '') = 'on' THEN
        RETURN OLD;
    END IF;
    IF TG_TABLE_NAME = 'decisions_decision' THEN
        IF OLD.state = 'draft' THEN
            IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
            RETURN NEW;
        END IF;
    ELSE  -- decisions_decisionparty
        IF TG_OP = 'INSERT' THEN decision_id := NEW.decision_id; ELSE decision_id := OLD.decision_id; END IF;
        IF NOT EXISTS (
            SELECT 1 FROM decisions_decision WHERE id = decision_id AND state <> 'draft'
        ) THEN
            IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'monia: a signed decision is never rewritten (% on % refused)',
        TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Correct it with a new decision that names the old one.';
END
$$;
"""

TRIGGERS = """
CREATE TRIGGER monia_decision_locked BEFORE UPDATE OR DELETE ON decisions_decision
    FOR EACH ROW EXECUTE FUNCTION monia_decision_locked();
CREATE TRIGGER monia_decision_locked BEFORE INSERT OR UPDATE OR DELETE
    ON decisions_decisionparty
    FOR EACH ROW EXECUTE FUNCTION monia_decision_locked();
"""

DROP = """
DROP TRIGGER IF EXISTS monia_decision_locked ON decisions_decision;
DROP TRIGGER IF EXISTS monia_decision_locked ON decisions_decisionparty;
DROP FUNCTION IF EXISTS monia_decision_locked();
"""


class Migration(migrations.Migration):
    dependencies = [("decisions", "0002_decision_number_unique")]

    operations = [migrations.RunSQL(FUNCTION + TRIGGERS, reverse_sql=DROP)]
