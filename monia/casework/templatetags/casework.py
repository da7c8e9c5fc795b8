"""Labels for deadlines and their states, so templates stay free of logic."""

from typing import Any

from django import template
from django.db.models import Model
from django.utils.translation import gettext_lazy as _

from monia.ui.rows import choice_label, day_month_year, weekday_day_month_year

register = template.Library()

DEADLINE_LABELS = {
    "decision": _("Decision on starting an assessment (7 working days)"),
    "client_notification": _("New notification about a client: record how it is handled"),
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


EXCEPTION_LABELS = {
    "urgency_not_assessed": _("Urgency not assessed"),
    "no_worker": _("No responsible social worker"),
    "no_plan": _("No client plan"),
}
EXCEPTION_HINTS = {
    "urgency_not_assessed": _(
        "The urgency is assessed immediately (LsL 26 §). Monia flags an intake still "
        "unassessed at the end of the next working day after receipt."
    ),
    "no_worker": _("Nobody owns the case: name the responsible social worker."),
    "no_plan": _("A client plan is made for every child welfare client (LsL 30 §)."),
}


@register.filter
def exception_label(kind: str) -> str:
    return str(EXCEPTION_LABELS.get(kind, kind))


@register.filter
def exception_hint(kind: str) -> str:
    return str(EXCEPTION_HINTS.get(kind, ""))


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


@register.filter
def files_of(files: dict[int, list[object]], owner_id: int) -> list[object]:
    """The files of one owner from a ``{owner id: files}`` map of the page."""
    return files.get(owner_id, []) if files else []


@register.filter
def label(obj: Model, field_name: str) -> Any:
    """``{{ intake|label:"kind" }}`` = ``{{ intake.get_kind_display }}``, without rebuilding
    the field's choices for each row (monia/ui/rows.py)."""
    return choice_label(obj, field_name)


@register.filter(expects_localtime=True)
def dmy(value: Any) -> str:
    """``{{ d|dmy }}`` = ``{{ d|date:"j.n.Y" }}``, formatted without the locale's machinery."""
    return day_month_year(value)


@register.filter
def born(person: Any) -> str:
    """The "Born" cell of a child: the date of birth; "unborn" for a child expected (LsL
    25 c §); "not known" for a child not identified yet, whose age is only guessed (an
    eight-year-old was once listed as unborn)."""
    if person.birth_date is not None:
        return day_month_year(person.birth_date)
    if person.expected_birth_date is not None and not person.unidentified:
        return str(_("unborn"))
    return str(_("Not known"))


@register.filter
def born_in_full(person: Any) -> str:
    """The child page's "Born": the date of birth, the expected date of an unborn child,
    or "not known"."""
    if person.birth_date is None and person.expected_birth_date and not person.unidentified:
        return "{} {}".format(_("expected"), day_month_year(person.expected_birth_date))
    return born(person)


@register.filter(expects_localtime=True)
def dmy_hm(value: Any) -> str:
    """``{{ t|dmy_hm }}`` = ``{{ t|date:"j.n.Y H:i" }}``, in local time."""
    return day_month_year(value, with_time=True)


@register.filter
def wd_dmy(value: Any) -> str:
    """``{{ d|wd_dmy }}`` = ``{{ d|date:"D j.n.Y" }}`` of a date (monia/ui/rows.py)."""
    return weekday_day_month_year(value)


@register.filter
def with_id(url: tuple[str, str], pk: object) -> str:
    """``{{ case_url|with_id:c.pk }}`` = ``{% url 'case_detail' c.pk %}``, where the view
    gave ``case_url = rows.id_url("case_detail")`` once for all rows."""
    return f"{url[0]}{pk}{url[1]}"
