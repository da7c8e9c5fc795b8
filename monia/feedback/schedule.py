"""When the feedback questionnaires' periodic work runs (monia/jobs/registry.py)."""

import datetime

from monia.feedback.tasks import feedback_invite, feedback_remind
from monia.jobs.registry import Daily, Job, register

# In the evening: the day's meetings are recorded by then, and the portal shows the
# question the next morning.
register(Job("feedback_invite", feedback_invite, Daily(datetime.time(19, 0))))
# In the morning: the reminder arrives at the start of a working day.
register(Job("feedback_remind", feedback_remind, Daily(datetime.time(9, 0))))
