"""A family member added on a case remembers the form session that recorded the tie, so
the form sent again after "Back" records once, while adding a person who is in the family
already says so (casework.family_services.family_member_add)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("people", "0007_fuzzystrmatch")]

    operations = [
        migrations.AddField(
            model_name="relationship",
            name="submission_key",
            field=models.UUIDField(blank=True, editable=False, null=True, unique=True),
        ),
    ]
