"""A team's name in Swedish, so a Swedish reader and a Swedish document name the team in
Swedish. Existing teams are left empty, falling back to the Finnish name, until an
administrator writes it; two teams of a county may not share a Swedish name."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('teams', '0008_county_controller_in_swedish'),
    ]

    operations = [
        migrations.AddField(
            model_name='team',
            name='name_sv',
            field=models.CharField(blank=True, default='', help_text="The team's name on Swedish pages and documents. Empty: the Finnish name.", max_length=200, verbose_name='name in Swedish'),
        ),
        migrations.AlterField(
            model_name='team',
            name='name',
            field=models.CharField(max_length=200, verbose_name='name in Finnish'),
        ),
        migrations.AddConstraint(
            model_name='team',
            constraint=models.UniqueConstraint(condition=models.Q(('name_sv', ''), _negated=True), fields=('county', 'name_sv'), name='team_swedish_name_unique_in_county', violation_error_message='The county already has a team of that Swedish name.'),
        ),
    ]
