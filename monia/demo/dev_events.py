"""The demo's events of the development network (issue 16): in each county a published
three-part partner training "Sytykettä yhteistyöhön" (two sessions past, one to come) with
the county's partner (in Central Finland terhi, a school nurse) registered and present at
both past sessions — her certificate is ready; a "Nuoren ääni" discussion for clients and
young people; an info session for the staff; and one draft only the coordinator sees."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone

from monia.accounts.models import Role, User
from monia.demo import workdays
from monia.events import services
from monia.events.models import Audience, Event, EventKind, EventSession
from monia.teams.models import County


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def _session(day: datetime.date, hour: int, hours: int = 3) -> dict[str, Any]:
    return {"starts_at": _at(day, hour), "ends_at": _at(day, hour + hours), "place": ""}


def _event(county: County, by: User, sessions: list[dict[str, Any]], **data: Any) -> Event:
    base = {
        "description": "",
        "languages": ["fi"] if not county.bilingual else ["fi", "sv"],
        "quota": None,
        "waiting_list": True,
        "place": "",
        "remote_link": "",
        "materials": "",
        "recordings": "",
        "certificate_sessions": None,
        "hours_per_session": Decimal("0"),
    }
    return services.event_save(user=by, event=None, data={**base, **data}, sessions=sessions)


def _organiser(county: County) -> User:
    """The county's development coordinator; a county without one: its senior official."""
    users = User.objects.filter(county=county, is_active=True)
    found = users.filter(role=Role.DEVELOPMENT_COORDINATOR).order_by("pk").first()
    return found or users.filter(role=Role.SENIOR_OFFICIAL).order_by("pk").first() or users[0]


_YOUTH_VOICE_FI = {
    "title": "Nuoren ääni: mikä lastensuojelussa auttaa?",
    "description": (
        "Keskustelu nuorille ja perheille. Kerro, mikä on auttanut ja mikä ei. "
        "Paikalla on työntekijöitä ja kokemusasiantuntija."
    ),
    "place": "Nuorisotila Väli",
}
_YOUTH_VOICE_SV = {
    "title": "Ungas röst: vad hjälper inom barnskyddet?",
    "description": (
        "Ett samtal för unga och familjer. Berätta vad som har hjälpt och vad som inte har "
        "hjälpt. Där finns personal och en erfarenhetsexpert."
    ),
    "place": "Ungdomsgården Mellan",
    "languages": ["sv"],
}


def build(*, county: County, today: datetime.date) -> None:
    """Something on every page of monia/events for the county's demo users."""
    by = _organiser(county)
    training = _event(
        county,
        by,
        [
            _session(workdays.on_or_before(today - datetime.timedelta(days=21)), 9),
            _session(workdays.on_or_before(today - datetime.timedelta(days=7)), 9),
            _session(workdays.on_or_after(today + datetime.timedelta(days=14)), 9),
        ],
        kind=EventKind.TRAINING,
        title="Sytykettä yhteistyöhön",
        description=(
            "Kolmiosainen koulutus koulujen, terveydenhuollon ja lastensuojelun yhteistyöstä: "
            "huolen puheeksi ottaminen, lastensuojeluilmoitus ja verkostotapaaminen."
        ),
        audiences=[Audience.PARTNERS, Audience.STAFF],
        quota=30,
        place="Monitoimitalo, kokoushuone Kuusi",
        remote_link="https://example.invalid/teams/sytyketta",
        materials="https://example.invalid/materiaalit/sytyketta.pdf\nEnnakkotehtävä: oma tapaus",
        recordings="https://example.invalid/tallenteet/sytyketta-1",
        certificate_sessions=2,
        hours_per_session=Decimal("3"),
    )
    services.event_publish(user=by, event=training)
    partner = (
        User.objects.filter(county=county, role=Role.PARTNER, is_active=True)
        .order_by("username")
        .first()
    )
    if partner is not None:
        registration = services.registration_create(user=partner, event=training)
        for session in EventSession.objects.filter(event=training, starts_at__date__lt=today):
            services.attendance_record(user=by, session=session, present_ids={registration.pk})
    youth = _event(
        county,
        by,
        [_session(workdays.on_or_after(today + datetime.timedelta(days=10)), 17, 2)],
        kind=EventKind.YOUTH_VOICE,
        audiences=[Audience.CLIENTS, Audience.EXPERTS],
        quota=12,
        # A bilingual county's demo holds it in Swedish: its showcase young person is
        # Swedish-speaking (demo/portal.py) and reads the portal in Swedish.
        **(_YOUTH_VOICE_SV if county.bilingual else _YOUTH_VOICE_FI),
    )
    services.event_publish(user=by, event=youth)
    info = _event(
        county,
        by,
        [_session(workdays.on_or_after(today + datetime.timedelta(days=5)), 13, 1)],
        kind=EventKind.INFO_SESSION,
        title="Infotilaisuus: kehittäjäverkosto",
        description="Mitä kehittäjäverkosto tekee ja miten siihen voi osallistua.",
        audiences=[Audience.STAFF],
        remote_link="https://example.invalid/teams/info",
    )
    services.event_publish(user=by, event=info)
    _event(
        county,
        by,
        [_session(workdays.on_or_after(today + datetime.timedelta(days=40)), 9)],
        kind=EventKind.DEVELOPER_GROUP,
        title="Kehittäjäryhmän kevään aloitus",
        audiences=[Audience.STAFF, Audience.EXPERTS],
    )
