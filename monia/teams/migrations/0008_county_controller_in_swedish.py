"""The controller's name in Swedish, so a Swedish document names the controller in Swedish.
A county that is its own controller (the usual case: the controller is the county's
Finnish name) gets its Swedish name; any other is left empty, falling back to Finnish,
until an administrator writes it."""

from django.db import migrations, models


def controller_sv_from_the_county_name(apps, schema_editor):
    County = apps.get_model("teams", "County")
    for county in County.objects.filter(controller_sv=""):
        if county.controller.strip() == county.name_fi.strip():
            county.controller_sv = county.name_sv
            county.save(update_fields=["controller_sv"])


class Migration(migrations.Migration):

    dependencies = [
        ('teams', '0007_team_office_postal_address'),
    ]

    operations = [
        migrations.AddField(
            model_name='county',
            name='controller_sv',
            field=models.CharField(blank=True, help_text="The controller's name in Swedish: on Swedish documents and for Swedish readers. Empty: the Finnish name.", max_length=200, verbose_name='controller in Swedish (personuppgiftsansvarig)'),
        ),
        migrations.AlterField(
            model_name='county',
            name='controller',
            field=models.CharField(help_text="The legal controller of the county's client register, in Finnish.", max_length=200, verbose_name='controller (rekisterinpitäjä)'),
        ),
        migrations.RunPython(controller_sv_from_the_county_name, migrations.RunPython.noop),
    ]
