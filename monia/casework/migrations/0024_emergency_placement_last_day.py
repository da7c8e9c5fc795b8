"""An emergency placement's ``expires_on`` becomes its last day: the 30th, the day it began
counted as the first (LsL 38 §, KHO:2015:27). Rows written by the earlier rule (the start +
30 days, one day too late) move a day back, and an extension that followed from them (that
expiry + 30 days) with them; a date written otherwise is left as it was."""

from django.db import migrations

FORWARD = [
    # The extension first: its condition reads the old expiry.
    """UPDATE casework_measure SET extended_to = extended_to - 1
       WHERE kind = 'emergency_placement' AND expires_on = started_on + 30
         AND extended_to = expires_on + 30""",
    """UPDATE casework_measure SET expires_on = expires_on - 1
       WHERE kind = 'emergency_placement' AND expires_on = started_on + 30""",
]
BACKWARD = [
    """UPDATE casework_measure SET expires_on = expires_on + 1
       WHERE kind = 'emergency_placement' AND expires_on = started_on + 29""",
    """UPDATE casework_measure SET extended_to = extended_to + 1
       WHERE kind = 'emergency_placement' AND expires_on = started_on + 30
         AND extended_to = expires_on + 29""",
]


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0023_chronology_meeting_entered_afterwards"),
    ]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
