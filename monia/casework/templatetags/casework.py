"""Labels for deadlines and their states, so templates stay free of logic."""

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

DEADLINE_LABELS = {
    "decision": _("Decision on starting an assessment (7 working days)"),
    "assessment": _("Assessment completed (3 months)"),
    "plan_review": _("Client plan review"),
    "emergency_placement": _("Emergency placement expires"),
    "aftercare": _("Aftercare ends"),
}
STATUS_LABELS = {
    "overdue": _("Overdue"),
    "due_soon": _("Due soon"),
    "pending": _("Pending"),
    "done_on_time": _("Done on time"),
    "done_late": _("Done late"),
}


@register.filter
def deadline_label(kind: str) -> str:
    return str(DEADLINE_LABELS.get(kind, kind))


@register.filter
def status_label(status: str) -> str:
    return str(STATUS_LABELS.get(status, status))


@register.filter
def percent_of(value: int, scale: int) -> int:
    """Width of a bar in percent, for the charts' CSS."""
    return round(100 * value / scale) if scale else 0
