"""Reads of contribution requests are logged in network.DisclosureLog; its own trail goes."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('contrib', '0002_contribution_reminders'),
        ('network', '0004_disclosure_log_copy_app_trails'),
    ]

    operations = [
        migrations.DeleteModel(
            name='ContributionDisclosure',
        ),
    ]
