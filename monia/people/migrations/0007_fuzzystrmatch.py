"""The client search forgives one error in a short name ("Nylnd" finds "Nylund"): the
vocabulary's words one edit away are measured with ``levenshtein_less_equal`` of
fuzzystrmatch, a contrib extension shipped with PostgreSQL like pg_trgm and unaccent
(casework/search_selectors.py). Nothing is stored: no table or index changes."""

from django.contrib.postgres.operations import CreateExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("people", "0006_name_keys_restorable")]

    operations = [CreateExtension("fuzzystrmatch")]
