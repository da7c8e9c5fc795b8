"""A scheduled run's result or error was an English sentence, shown so to a Finnish or
Swedish administrator; it is now also kept as its message and values (``outcome``), which
the admin's page translates (monia/jobs/outcomes.py). The runs before this become outcomes
here where their text is one the jobs wrote; any other text stays as written."""

import re

from django.db import migrations, models

# The sentences the jobs wrote, as they stood at this migration → the message now and the
# names of its values, in the order of the groups.
WRITTEN = [
    (r"(\d+) consultation\(s\) escalated", "Consultations escalated: %(count)d", ["count"]),
    (r"(\d+) statement request\(s\) reminded", "Statement requests reminded: %(count)d", ["count"]),
    (r"(\d+) reminder\(s\) sent", "Event reminders sent: %(count)d", ["count"]),
    (r"(\d+) feedback invitation\(s\) made", "Feedback invitations made: %(count)d", ["count"]),
    (r"(\d+) feedback reminder\(s\) sent", "Feedback reminders sent: %(count)d", ["count"]),
    (r"(\d+) partition\(s\) created", "Access log partitions created: %(count)d", ["count"]),
    (
        r"before (\d{4}-\d\d-\d\d): (\d+) row\(s\) in (\d+) removal\(s\)",
        "Retention before %(before)s: rows removed %(rows)d, removals %(removals)d",
        ["before", "rows", "removals"],
    ),
    (r"every log chain is whole", "Every log chain is whole", []),
    (r"expired sessions deleted", "Expired sessions deleted", []),
    (
        r"(\d+) task result\(s\), (\d+) run\(s\) deleted",
        "Deleted: task results %(tasks)d, scheduled runs %(runs)d",
        ["tasks", "runs"],
    ),
    (r"(\d+) abandoned run\(s\) failed", "Abandoned runs marked failed: %(count)d", ["count"]),
    (
        r"The worker stopped before the run finished \(no result after (\d+):00:00\)\.",
        "The worker stopped before the run finished (no result after %(hours)d hours).",
        ["hours"],
    ),
]


def _outcome(text):
    for pattern, message, names in WRITTEN:
        found = re.fullmatch(pattern, text)
        if found:
            values = [v if n == "before" else int(v) for n, v in zip(names, found.groups())]
            return {"message": message, "params": dict(zip(names, values))}
    return None


def sentences_to_outcomes(apps, schema_editor):
    ScheduledRun = apps.get_model("jobs", "ScheduledRun")
    runs = ScheduledRun.objects.filter(outcome__isnull=True, state__in=["done", "failed"])
    for pk, result, error in runs.values_list("pk", "result", "error"):
        words = _outcome(error or result)
        if words:
            ScheduledRun.objects.filter(pk=pk).update(outcome=words)


class Migration(migrations.Migration):
    dependencies = [("jobs", "0001_scheduled_runs")]

    operations = [
        migrations.AddField(
            model_name="scheduledrun",
            name="outcome",
            field=models.JSONField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(sentences_to_outcomes, migrations.RunPython.noop),
    ]
