"""When the team will see a client's "I don't feel safe" alert, and who else hears of it.

The team works in the county's office hours on Finnish working days (weekends and public
holidays off: ``monia.deadlines.is_working_day``). Outside them the alert still reaches the
team's dashboards and e-mail, but nobody reads those before the office opens; so the portal
says when that is, and the alert goes also to the county's social emergency service
(sosiaalipäivystys, SHL 29 a §), which works day and night, when the county has given its
address (``County.social_emergency_email``).
"""

from __future__ import annotations

import dataclasses
import datetime

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from monia.casework.models import Case
from monia.deadlines import HELSINKI, is_working_day
from monia.portal.models import SafetyAlert
from monia.teams.models import County


def office_open(moment: datetime.datetime, opens: datetime.time, closes: datetime.time) -> bool:
    """Whether the office is open at this moment (Finnish time, working days only)."""
    local = moment.astimezone(HELSINKI)
    return is_working_day(local.date()) and opens <= local.time() < closes


def next_office_opening(
    moment: datetime.datetime, opens: datetime.time, closes: datetime.time
) -> datetime.datetime:
    """The moment itself when the office is open, else when it opens next (Finnish time)."""
    if office_open(moment, opens, closes):
        return moment
    local = moment.astimezone(HELSINKI)
    day = local.date()
    if not (is_working_day(day) and local.time() < opens):
        day += datetime.timedelta(days=1)
        while not is_working_day(day):
            day += datetime.timedelta(days=1)
    return datetime.datetime.combine(day, opens, tzinfo=HELSINKI)


@dataclasses.dataclass(frozen=True)
class OfficeStatus:
    """What the portal tells a client about an alert raised now, for one county."""

    open_now: bool
    back_at: datetime.datetime  # when the team is at work (now, if it is)
    opens: datetime.time
    closes: datetime.time
    emergency_email: str  # where the alert also goes outside office hours; "" = nowhere
    emergency_phone: str

    @property
    def routed_to_emergency_service(self) -> bool:
        return not self.open_now and bool(self.emergency_email)


def clock() -> datetime.datetime:
    """Now; the one place tests move the time of day."""
    return timezone.now()


def office_status(county: County, now: datetime.datetime | None = None) -> OfficeStatus:
    now = now or clock()
    opens, closes = county.office_opens, county.office_closes
    return OfficeStatus(
        open_now=office_open(now, opens, closes),
        back_at=next_office_opening(now, opens, closes),
        opens=opens,
        closes=closes,
        emergency_email=county.social_emergency_email,
        emergency_phone=county.social_emergency_phone,
    )


def emergency_numbers(case: Case) -> list[tuple[str, str]]:
    numbers = [(_("Emergency number: police, ambulance, fire"), "112")]
    if case.county.social_emergency_phone:
        numbers.append(
            (_("Emergency social services, day and night"), case.county.social_emergency_phone)
        )
    numbers.append((_("Children and young people's phone (MLL), free"), "116 111"))
    return numbers


def open_safety_alerts(cases: QuerySet[Case]) -> list[SafetyAlert]:
    """Unhandled alerts of the given cases (a queryset from the policy), oldest first."""
    return list(
        SafetyAlert.objects.filter(case__in=cases, handled_at__isnull=True)
        .select_related("case__child")
        .order_by("raised_at")
    )


def case_safety_alerts(case: Case) -> list[SafetyAlert]:
    return list(SafetyAlert.objects.filter(case=case).select_related("raised_by", "handled_by"))


def alert_on_case(case: Case, alert_id: int) -> bool:
    """Whether the alert is this case's (the case was opened through the policy)."""
    return SafetyAlert.objects.filter(pk=alert_id, case=case).exists()
