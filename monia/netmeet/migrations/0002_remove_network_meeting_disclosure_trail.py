"""Partners' reads of network meetings are logged in network.DisclosureLog; the own trail goes."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('netmeet', '0001_network_meetings'),
        ('network', '0004_disclosure_log_copy_app_trails'),
    ]

    operations = [
        migrations.DeleteModel(
            name='NetworkMeetingDisclosure',
        ),
    ]
