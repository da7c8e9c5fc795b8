"""The person who gives more information is reached at a structured postal address and
phone (HL 44 §; the national structure's ``postiosoite`` and ``puhelinnumero``) instead of
free text. A draft's old text is split once here (``12345 Town`` line, the line before it
as the street, a line of digits as the phone); a signed decision is never rewritten
(migration 0003), so a signed one keeps none — Monia had none signed in use.
"""

import re

from django.db import migrations, models


POSTCODE = re.compile(r"^(\d{5})\s+(.+)$")
PHONE = re.compile(r"^(?:puh\.?\s*|tel\.?\s*)?([+\d][\d\s()-]{5,})$", re.IGNORECASE)


def drafts_split(apps, schema_editor):
    Decision = apps.get_model("decisions", "Decision")
    for d in Decision.objects.filter(state="draft").exclude(info_contact=""):
        lines = [x.strip(" ,") for x in re.split(r"[\n,]", d.info_contact) if x.strip(" ,")]
        for i, line in enumerate(lines):
            post = POSTCODE.match(line)
            phone = PHONE.match(line)
            if post:
                d.info_postal_code, d.info_town = post[1], post[2][:100]
                d.info_street = lines[i - 1][:200] if i > 0 else ""
            elif phone and not d.info_phone:
                d.info_phone = phone[1][:40]
        d.save(update_fields=["info_street", "info_postal_code", "info_town", "info_phone"])


class Migration(migrations.Migration):
    dependencies = [
        ("decisions", "0004_national_structure_built_from_the_signed_record"),
    ]

    operations = [
        migrations.AddField(
            model_name="decision",
            name="info_phone",
            field=models.CharField(blank=True, max_length=40, verbose_name="phone"),
        ),
        migrations.AddField(
            model_name="decision",
            name="info_postal_code",
            field=models.CharField(blank=True, max_length=5, verbose_name="postal code"),
        ),
        migrations.AddField(
            model_name="decision",
            name="info_street",
            field=models.CharField(
                blank=True,
                help_text="Of the office that gives more information, e.g. “Torikatu 1” or “PL 100”.",
                max_length=200,
                verbose_name="street address or PO box",
            ),
        ),
        migrations.AddField(
            model_name="decision",
            name="info_town",
            field=models.CharField(blank=True, max_length=100, verbose_name="post office"),
        ),
        migrations.RunPython(drafts_split, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="decision",
            name="info_contact",
        ),
    ]
