"""Words of the django-tasks packages that their admin shows ("Task results" under the
queue's app: the model's name, its fields, the states), which the packages mark for
translation but ship no Finnish or Swedish for. Marked here so that Monia's catalogue,
which Django reads first (``LOCALE_PATHS``), gives them in the administrator's language.
Nothing imports this module: ``makemessages`` finds the words in it.

What the package writes unmarked is named by Monia: the app ("Tasks Database Backend",
queue_app.py) and its admin's columns "id" and "Task name" and labels "traceback" and
"run after", and a result's title, which would be "DBTaskResult object (…)" (the model has
no ``__str__``): admin.py, TaskResultAdmin."""

from django.utils.translation import gettext_noop, pgettext_lazy

# django_tasks_db.models.DBTaskResult
TASK_RESULT = (
    gettext_noop("Task Result"),
    gettext_noop("Task Results"),
    gettext_noop("status"),
    gettext_noop("enqueued at"),
    gettext_noop("started at"),
    gettext_noop("finished at"),
    gettext_noop("args kwargs"),
    gettext_noop("priority"),
    gettext_noop("task path"),
    gettext_noop("worker id"),
    gettext_noop("queue name"),
    gettext_noop("backend name"),
    gettext_noop("run after"),
    gettext_noop("return value"),
    gettext_noop("exception class path"),
    gettext_noop("traceback"),
)

# django_tasks.base.TaskResultStatus
TASK_STATES = (
    pgettext_lazy("Task", "Ready"),
    pgettext_lazy("Task", "Running"),
    pgettext_lazy("Task", "Failed"),
    pgettext_lazy("Task", "Successful"),
)
