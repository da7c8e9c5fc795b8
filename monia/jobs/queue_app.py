"""django-tasks-db's app under a name the administrator reads in her own language (the
package names it "Tasks Database Backend", in English only). Its label, models and
migrations stay the package's own. In a module of its own, because ``monia/jobs/apps.py``
must hold one app config only for Django to pick ``JobsConfig`` by itself."""

from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class TaskQueueConfig(TasksAppConfig):
    verbose_name = _("Task queue")
