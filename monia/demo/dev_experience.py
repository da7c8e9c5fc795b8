"""The demo's experts by experience (issue 16): in Central Finland eeva's register entry with
a tax card, a talk last month already exported for payroll, a developer group this month and
a working pair with sanna to come, and a second expert without an account who declined a
fee; in Ostrobothnia one expert with a talk to come."""

from __future__ import annotations

import datetime
from decimal import Decimal

from monia.accounts.models import Role, User
from monia.demo import workdays
from monia.experience import services
from monia.experience.models import AssignmentKind, AssignmentStatus
from monia.teams.models import County


def _coordinator(county: County) -> User | None:
    staff = User.objects.filter(county=county, is_active=True).order_by("pk")
    return (
        staff.filter(role=Role.DEVELOPMENT_COORDINATOR).first()
        or staff.filter(role=Role.SENIOR_OFFICIAL).first()
        or staff.first()
    )


def _assignment(coordinator: User, expert: object, **data: object) -> None:
    base = {
        "hours": Decimal(2),
        "fee_agreed": Decimal(0),
        "fee_declined": False,
        "costs": Decimal(0),
        "costs_description": "",
        "worker": None,
        "status": AssignmentStatus.AGREED,
    }
    services.assignment_save(user=coordinator, expert=expert, data=base | data)  # type: ignore[arg-type]


def _central_finland(county: County, coordinator: User, today: datetime.date) -> None:
    eeva = User.objects.filter(username="eeva", county=county).first()
    entry = services.expert_save(
        county=county,
        data={
            "user": eeva,
            "pseudonym": "Eeva L.",
            "known_as": "Kolmen lapsen äiti, jonka perhe sai lastensuojelun tukea",
            "real_name": "Eeva Laine",
            "email": "eeva.laine@example.invalid",
            "themes": ["perhetyö", "sijaishuolto", "vanhemmuus"],
            "training": "Kokemusasiantuntijakoulutus 2024",
            "availability": "Arkisin iltapäivisin, myös etänä.",
            "active": True,
        },
    )
    last_month = today.replace(day=1) - datetime.timedelta(days=1)
    upcoming = workdays.on_or_after(today + datetime.timedelta(days=10))
    this_month = today.replace(day=1)  # its first working day, if one has passed already
    this_month = workdays.within(this_month, not_before=this_month, not_after=today)
    for year in sorted({last_month.year, today.year, upcoming.year}):
        services.tax_card_note(user=coordinator, expert=entry, year=year, today=today)
    _assignment(
        coordinator,
        entry,
        kind=AssignmentKind.TALK,
        title="Puheenvuoro henkilöstöpäivillä",
        date=workdays.on_or_before(last_month.replace(day=15)),
        fee_agreed=Decimal("150.00"),
        costs=Decimal("24.60"),
        costs_description="Junalippu Jyväskylä–Jämsä",
        status=AssignmentStatus.DONE,
    )
    services.payroll_export(user=coordinator, county_id=county.pk, month=last_month)
    _assignment(
        coordinator,
        entry,
        kind=AssignmentKind.DEVELOPER_GROUP,
        title="Kehittäjäryhmä: asiakassuunnitelman kieli",
        date=this_month,
        fee_agreed=Decimal("80.00"),
        status=AssignmentStatus.DONE,
    )
    sanna = User.objects.filter(username="sanna", county=county).first()
    _assignment(
        coordinator,
        entry,
        kind=AssignmentKind.WORKING_PAIR,
        title="Työparina perhetapaamisessa",
        date=upcoming,
        hours=Decimal(3),
        fee_agreed=Decimal("120.00"),
        costs=Decimal("12.00"),
        costs_description="Pysäköinti",
        worker=sanna,
    )
    mikko = services.expert_save(
        county=county,
        data={
            "pseudonym": "Mikko K.",
            "known_as": "Nuori, joka asui sijaisperheessä",
            "real_name": "Mikko Korhonen",
            "themes": ["jälkihuolto", "nuoret"],
            "training": "Kokemusasiantuntijakoulutus 2025",
            "availability": "Viikonloppuisin.",
            "active": True,
        },
    )
    _assignment(
        coordinator,
        mikko,
        kind=AssignmentKind.TRAINING,
        title="Nuorten kokemuksia jälkihuollosta – koulutus",
        date=this_month,
        fee_agreed=Decimal("100.00"),
        fee_declined=True,
        costs=Decimal("18.40"),
        costs_description="Bussiliput",
        status=AssignmentStatus.DONE,
    )


def _ostrobothnia(county: County, coordinator: User, today: datetime.date) -> None:
    anna = services.expert_save(
        county=county,
        data={
            "pseudonym": "Anna B.",
            "known_as": "Förälder med erfarenhet av barnskydd",
            "real_name": "Anna Björk",
            "themes": ["familjearbete", "skolan"],
            "training": "Erfarenhetsexpertutbildning 2023",
            "availability": "Tisdagar och torsdagar.",
            "active": True,
        },
    )
    _assignment(
        coordinator,
        anna,
        kind=AssignmentKind.TALK,
        title="Föreläsning för nya socialarbetare",
        date=workdays.on_or_after(today + datetime.timedelta(days=14)),
        costs=Decimal("30.00"),
        costs_description="Resa Jakobstad–Vasa",
    )


def build(*, county: County, today: datetime.date) -> None:
    """Something on every page of monia/experience for the county's demo users."""
    coordinator = _coordinator(county)
    if coordinator is None:
        return
    if county.code == "keski-suomi":
        _central_finland(county, coordinator, today)
    elif county.code == "pohjanmaa":
        _ostrobothnia(county, coordinator, today)
