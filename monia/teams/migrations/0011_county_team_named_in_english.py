"""The county, its controller and a team named in English, for English pages. Existing rows
are left empty, falling back to the Finnish name, until an administrator writes it; two teams
of a county may not share an English name."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('teams', '0010_team_county_named_in_each_language'),
    ]

    operations = [
        migrations.AddField(
            model_name='county',
            name='controller_en',
            field=models.CharField(blank=True, default='', help_text="The controller's name on English pages. Empty: the Finnish name.", max_length=200, verbose_name='controller in English'),
        ),
        migrations.AddField(
            model_name='county',
            name='name_en',
            field=models.CharField(blank=True, default='', help_text="The county's name on English pages. Empty: the Finnish name.", max_length=200, verbose_name='name in English'),
        ),
        migrations.AddField(
            model_name='team',
            name='name_en',
            field=models.CharField(blank=True, default='', help_text="The team's name on English pages. Empty: the Finnish name.", max_length=200, verbose_name='name in English'),
        ),
        migrations.AddConstraint(
            model_name='team',
            constraint=models.UniqueConstraint(condition=models.Q(('name_en', ''), _negated=True), fields=('county', 'name_en'), name='team_english_name_unique_in_county', violation_error_message='The county already has a team of that English name.'),
        ),
    ]
