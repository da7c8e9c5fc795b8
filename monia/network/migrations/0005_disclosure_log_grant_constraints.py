"""A row names a grant exactly when it came through one, and then the grant is its source."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('network', '0004_disclosure_log_copy_app_trails'),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='disclosurelog',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('source', 'sharing_grant'), ('grant__isnull', False)), models.Q(models.Q(('source', 'sharing_grant'), _negated=True), ('grant__isnull', True)), _connector='OR'), name='disclosure_grant_iff_grant_source'),
        ),
        migrations.AddConstraint(
            model_name='disclosurelog',
            constraint=models.CheckConstraint(condition=models.Q(('grant__isnull', True), ('source_id', models.F('grant_id')), _connector='OR'), name='disclosure_grant_is_its_source'),
        ),
    ]
