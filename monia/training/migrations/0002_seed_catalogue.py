"""The shared catalogue of the systemic model's modules (training/models.py CATALOGUE)."""

from django.db import migrations

CATALOGUE = (
    ("basic", "Basic training in the systemic model", "basic", 40),
    ("consultant", "Consultant social worker training", "consultant", 60),
    ("family_therapist", "Family therapist track", "family_therapist", 80),
    ("refresher", "Refresher day in the systemic model", "refresher", 7),
)


def seed(apps, schema_editor):
    TrainingModule = apps.get_model("training", "TrainingModule")
    for code, name, track, hours in CATALOGUE:
        TrainingModule.objects.get_or_create(
            county=None,
            code=code,
            defaults={"name": name, "track": track, "nominal_hours": hours},
        )


class Migration(migrations.Migration):
    dependencies = [("training", "0001_modules_and_records")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
