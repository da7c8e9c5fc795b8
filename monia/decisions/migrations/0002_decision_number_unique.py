from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("decisions", "0001_decisions_parties_service_authorities")]

    operations = [
        migrations.AddConstraint(
            model_name="decision",
            constraint=models.UniqueConstraint(
                condition=models.Q(("number", ""), _negated=True),
                fields=("number",),
                name="decision_number_unique",
            ),
        ),
    ]
