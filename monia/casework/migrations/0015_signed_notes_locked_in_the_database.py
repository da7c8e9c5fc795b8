"""A signed client note is never rewritten, even by whoever holds the application's
database user: the database refuses to change or delete it, to add or remove the family
members named in it, and to change or delete an amendment (issue 12, client notes).

A signed note may move to another case of the same child only (``case_id``: an intake
case joined into the child's open case, ``person_services._join_intakes``); its content
never changes. A draft is its author's to edit. DELETE passes only when the transaction
has set ``monia.retention = 'on'`` (the retention of records, and the test runner's
flush), as for the logs.
"""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION monia_note_locked() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    note_id bigint;
BEGIN
    IF TG_OP = 'DELETE' AND coalesce(current_setting('monia.retention', true), '') = 'on' THEN
        RETURN OLD;
    END IF;
    IF TG_TABLE_NAME = 'casework_clientnote' THEN
        IF OLD.signed_at IS NULL THEN  -- a draft
            IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
            RETURN NEW;
        END IF;
        -- Generated columns are not computed yet in a BEFORE trigger: left out.
        IF TG_OP = 'UPDATE'
           AND (to_jsonb(OLD) - 'case_id' - 'search_fi' - 'search_sv')
               = (to_jsonb(NEW) - 'case_id' - 'search_fi' - 'search_sv') THEN
            RETURN NEW;
        END IF;
    ELSIF TG_TABLE_NAME = 'casework_clientnote_persons' THEN
        IF TG_OP = 'INSERT' THEN note_id := NEW.clientnote_id; ELSE note_id := OLD.clientnote_id; END IF;
        IF NOT EXISTS (
            SELECT 1 FROM casework_clientnote WHERE id = note_id AND signed_at IS NOT NULL
        ) THEN
            IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'monia: a signed client note is never rewritten (% on % refused)',
        TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Add an amendment to the note instead.';
END
$$;
"""

TRIGGERS = """
CREATE TRIGGER monia_note_locked BEFORE UPDATE OR DELETE ON casework_clientnote
    FOR EACH ROW EXECUTE FUNCTION monia_note_locked();
CREATE TRIGGER monia_note_locked BEFORE INSERT OR UPDATE OR DELETE
    ON casework_clientnote_persons
    FOR EACH ROW EXECUTE FUNCTION monia_note_locked();
CREATE TRIGGER monia_note_locked BEFORE UPDATE OR DELETE ON casework_noteamendment
    FOR EACH ROW EXECUTE FUNCTION monia_note_locked();
"""

DROP = """
DROP TRIGGER IF EXISTS monia_note_locked ON casework_clientnote;
DROP TRIGGER IF EXISTS monia_note_locked ON casework_clientnote_persons;
DROP TRIGGER IF EXISTS monia_note_locked ON casework_noteamendment;
DROP FUNCTION IF EXISTS monia_note_locked();
"""


class Migration(migrations.Migration):
    dependencies = [("casework", "0014_client_notes")]

    operations = [migrations.RunSQL(FUNCTION + TRIGGERS, reverse_sql=DROP)]
