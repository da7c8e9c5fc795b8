"""The disclosure log names its source: a sharing grant, a contribution request, a
consultation or a network meeting. Existing rows all came through a grant."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('network', '0002_referrals'),
    ]

    operations = [
        migrations.AddField(
            model_name='disclosurelog',
            name='source',
            field=models.CharField(choices=[('sharing_grant', 'Sharing grant'), ('contribution_request', 'Contribution request'), ('consultation', 'Consultation'), ('network_meeting', 'Network meeting')], default='sharing_grant', max_length=30),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='disclosurelog',
            name='source_id',
            field=models.PositiveBigIntegerField(default=0),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name='disclosurelog',
            name='basis',
            field=models.CharField(choices=[('guardian_consent', 'Consent of the guardian'), ('child_consent', 'Consent of a child who understands the matter'), ('lsl_41_request', 'Request for information (LsL 41 §)'), ('other_statutory', 'Other statutory basis'), ('consent', 'Consent to the named consultation'), ('meeting_invitation', 'Invitation to the network meeting')], max_length=30),
        ),
        migrations.AlterField(
            model_name='disclosurelog',
            name='grant',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='disclosures', to='network.sharinggrant'),
        ),
    ]
