"""Named consultations are logged in network.DisclosureLog; their own trail goes."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('consult', '0001_consultations'),
        ('network', '0004_disclosure_log_copy_app_trails'),
    ]

    operations = [
        migrations.DeleteModel(
            name='ConsultationDisclosure',
        ),
    ]
