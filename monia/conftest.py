"""Named personas and a case that has reached every stage, for every test module.

worker_a      designated social worker of ``case_a`` (team A1, county A)
teammate_a    social worker in team A1 — the systemic team shares the case
family_worker_a  family worker in team A1 — records, does not decide
other_team    designated social worker in team A2 of county A
other_county  designated social worker in county B
senior_a      senior official of county A
coordinator_a team coordinator of team A1: writes the meeting memo, records no casework
admin         administrator (superuser) of county A: sees no client data
partner       a school nurse (partner professional): sees a case only through a grant
developer_a   development coordinator of county A (issue 16): the development network only
expert_by_experience  an expert by experience of county A: never client data
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from monia.accounts.models import Role, User
from monia.casework import measure_services, plan_services, services
from monia.casework.models import Case, Intake, Measure, ServiceNeedsAssessment
from monia.people import hetu
from monia.people.models import Person
from monia.people.services import person_create, relationship_create
from monia.teams.models import County, Team

PASSWORD = "correct horse battery staple"  # noqa: S105 - test personas only


@pytest.fixture(scope="session", autouse=True)
def _flush_passes_the_log_triggers() -> Any:
    """Live-server tests end with Django's flush, a TRUNCATE of every table and then
    ``post_migrate`` (content types, permissions): migration machinery, run as the owner
    (the runtime role may truncate nothing). The log tables refuse even the owner's
    TRUNCATE unless the flush's own transaction sets ``monia.retention`` (``SET LOCAL``:
    it lasts only that transaction)."""
    from django.core.management.commands.flush import Command as Flush
    from django.db.backends.postgresql.operations import DatabaseOperations

    from monia.access.logtables import RETENTION_ON
    from monia.access.testing import as_owner

    original = DatabaseOperations.sql_flush
    original_handle = Flush.handle

    def sql_flush(self: Any, style: Any, tables: Any, **kwargs: Any) -> list[str]:
        return [RETENTION_ON, *original(self, style, tables, **kwargs)]

    def handle(self: Any, **options: Any) -> Any:
        with as_owner():
            return original_handle(self, **options)

    DatabaseOperations.sql_flush = sql_flush  # type: ignore[method-assign]
    Flush.handle = handle  # type: ignore[method-assign]
    yield
    DatabaseOperations.sql_flush = original  # type: ignore[method-assign]
    Flush.handle = original_handle  # type: ignore[method-assign]


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    """Tests log in hundreds of times; the real hasher is deliberately slow."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _each_test_starts_in_the_installations_language() -> Any:
    """A request leaves its language active in the thread (LocaleMiddleware does not reset
    it): without this, a test that reads a message outside a request would read it in the
    language of whichever page an earlier test opened."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _attachments_in_a_temporary_folder(settings: Any, tmp_path_factory: Any) -> None:
    """Files attached in tests land in the session's temporary folder, never in .data/."""
    folder = tmp_path_factory.getbasetemp() / "attachments"
    storages = {**settings.STORAGES}
    storages["attachments"] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(folder), "base_url": "/no-public-url/"},
    }
    settings.STORAGES = storages


@pytest.fixture(autouse=True)
def _login_throttling_off(settings: Any) -> None:
    """Login throttling (django-axes) counts logins that come with a request; the test
    client's ``login()`` has none, and tests log in hundreds of times. The tests of
    throttling ask for ``login_throttling``."""
    settings.AXES_ENABLED = False


@pytest.fixture
def login_throttling(settings: Any) -> None:
    """This test is about login throttling: it is on, as in production."""
    settings.AXES_ENABLED = True


@pytest.fixture(autouse=True)
def _test_logins_passed_their_second_factor(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A test client's ``login()`` / ``force_login()`` stands for the whole login, second
    factor included: the session says it passed one (as a TOTP code would). Tests of the
    second factor itself ask for ``real_second_factor`` and pass it as a user does."""
    if "real_second_factor" in request.fixturenames:
        return
    from django.test.client import ClientMixin

    from monia.accounts import second_factor

    original = ClientMixin._login

    def _login(self: Any, user: Any, backend: str | None = None) -> None:
        original(self, user, backend)
        session = self.session
        session[second_factor.SESSION_KEY] = "otp"
        session.save()

    monkeypatch.setattr(ClientMixin, "_login", _login)


@pytest.fixture
def real_second_factor() -> None:
    """This test is about the second factor: a login passes it only as a user would."""


# --- The harness ------------------------------------------------------------------------

BROWSER_FIXTURES = frozenset({"browser_page"})
BROWSER_DIR = Path(__file__).parent / "tests" / "browser"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that drives Chromium carries the ``browser`` marker, wherever it lives, so
    ``-m "not browser"`` runs the rest and ``-m browser`` only them (see test_harness.py)."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if fixtures & BROWSER_FIXTURES or BROWSER_DIR in item.path.parents:
            item.add_marker(pytest.mark.browser)


def stale_translations() -> list[Path]:
    """The .po catalogues whose .mo is missing or older (the .mo files are not committed)."""
    from django.conf import settings

    stale: list[Path] = []
    for locale_dir in settings.LOCALE_PATHS:
        for po in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
            mo = po.with_suffix(".mo")
            if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
                stale.append(po)
    return stale


@pytest.fixture(scope="session", autouse=True)
def _compiled_translations() -> None:
    """A fresh clone or an edited .po is tested in its own words, not Django's English:
    compile_translations writes the .mo files and drops the catalogues already read."""
    if stale_translations():
        from django.core.management import call_command

        call_command("compile_translations", stdout=io.StringIO())


# Each test team's office: the address a decision prints for more information (HL 44 §).
OFFICE = {
    "office_street": "Sosiaalitoimisto, Katu 1",
    "office_postal_code": "00100",
    "office_town": "Alue",
}


@dataclass
class World:
    county_a: County
    county_b: County
    team_a1: Team
    team_a2: Team
    team_b1: Team


@pytest.fixture
def world(db: None) -> World:
    county_a = County.objects.create(
        code="a", name_fi="Alue A", name_sv="Område A", controller="Alue A"
    )
    county_b = County.objects.create(
        code="b", name_fi="Alue B", name_sv="Område B", controller="Alue B"
    )
    return World(
        county_a=county_a,
        county_b=county_b,
        team_a1=Team.objects.create(county=county_a, name="A1", **OFFICE),
        team_a2=Team.objects.create(county=county_a, name="A2", **OFFICE),
        team_b1=Team.objects.create(county=county_b, name="B1", **OFFICE),
    )


def make_user(
    username: str, role: str, county: County | None, team: Team | None, **extra: object
) -> User:
    return User.objects.create_user(
        username=username,
        password=PASSWORD,
        role=role,
        county=county,
        team=team,
        first_name=username.title(),
        last_name="Testinen",
        **{"phone": "040 000 0000", **extra},
    )


@pytest.fixture
def worker_a(world: World) -> User:
    return make_user("worker_a", Role.DESIGNATED_SOCIAL_WORKER, world.county_a, world.team_a1)


@pytest.fixture
def teammate_a(world: World) -> User:
    return make_user("teammate_a", Role.SOCIAL_WORKER, world.county_a, world.team_a1)


@pytest.fixture
def family_worker_a(world: World) -> User:
    return make_user("family_worker_a", Role.FAMILY_WORKER, world.county_a, world.team_a1)


@pytest.fixture
def other_team(world: World) -> User:
    return make_user("other_team", Role.DESIGNATED_SOCIAL_WORKER, world.county_a, world.team_a2)


@pytest.fixture
def other_county(world: World) -> User:
    return make_user("other_county", Role.DESIGNATED_SOCIAL_WORKER, world.county_b, world.team_b1)


@pytest.fixture
def senior_a(world: World) -> User:
    return make_user("senior_a", Role.SENIOR_OFFICIAL, world.county_a, None)


@pytest.fixture
def coordinator_a(world: World) -> User:
    return make_user("coordinator_a", Role.TEAM_COORDINATOR, world.county_a, world.team_a1)


@pytest.fixture
def school(world: World) -> Any:
    from monia.network.models import Organisation

    return Organisation.objects.create(county=world.county_a, name="Keskuskoulu", sector="school")


@pytest.fixture
def partner(world: World, school: Any) -> User:
    """A school nurse: a partner professional, who sees a case only through a grant."""
    return make_user("partner", Role.PARTNER, world.county_a, None, organisation=school)


@pytest.fixture
def admin(world: World) -> User:
    return make_user(
        "admin", Role.ADMINISTRATOR, world.county_a, None, is_staff=True, is_superuser=True
    )


@pytest.fixture
def developer_a(world: World) -> User:
    return make_user("developer_a", Role.DEVELOPMENT_COORDINATOR, world.county_a, None)


@pytest.fixture
def expert_by_experience(world: World) -> User:
    return make_user("expert_by_experience", Role.EXPERT_BY_EXPERIENCE, world.county_a, None)


def login(username: str, language: str | None = None) -> Any:
    """A test client logged in as one persona (and in one language, when given)."""
    from django.test import Client
    from django.urls import reverse

    client = Client()
    assert client.login(username=username, password=PASSWORD)
    if language:
        client.post(reverse("set_language"), {"language": language, "next": "/"})
    return client


def days_ago(n: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=n)


def child_create(
    county: County,
    *,
    first: str = "Aino",
    last: str = "Esimerkki",
    years: int = 9,
    number: int = 901,
) -> Person:
    birth = timezone.localdate().replace(day=1) - datetime.timedelta(days=365 * years)
    return person_create(
        county=county,
        first_names=first,
        last_name=last,
        identity_code=hetu.make_synthetic(birth, number),
        language="fi",
    )


def notification(
    user: User, child: Person, team: Team, *, at: datetime.datetime, **extra: object
) -> Intake:
    data: dict[str, object] = dict(
        kind="notification",
        channel="phone",
        received_at=at,
        notifier_type="obligated",
        notifier_sector="school",
        notifier_name="Opettaja Olli",
        notifier_phone="040 000 0000",
        family_informed="yes",
        content="Poissaoloja koulusta ja huoli kotitilanteesta.",
    )
    data.update(extra)
    return services.intake_record(user=user, child=child, team=team, **data)  # type: ignore[arg-type]


HEARD = {
    "heard": True,
    "heard_by": "Worker A",
    "method": "meeting",
    "child_view": "Haluan asua kotona.",
}


@dataclass
class CaseWorld:
    case: Case
    pending_intake: Intake
    open_assessment: ServiceNeedsAssessment
    emergency: Measure


@pytest.fixture
def case_a(world: World, worker_a: User) -> CaseWorld:
    """A client of team A1 with an approved plan, an emergency placement, an open
    assessment started from a later notification and one intake awaiting decision."""
    return case_world_make(world.team_a1, worker_a)


def case_world_make(
    team: Team, worker: User, *, first: str = "Aino", number: int = 901, parent_number: int = 950
) -> CaseWorld:
    """A case like ``case_a``'s (of ``team``, ``worker`` its designated worker) for another
    child of another family: ``number`` and ``parent_number`` make their identity codes."""
    county = team.county
    child = child_create(county, first=first, number=number)
    parent = person_create(
        county=county,
        first_names="Maija",
        last_name="Esimerkki",
        identity_code=hetu.make_synthetic(datetime.date(1985, 5, 5), parent_number),
    )
    relationship_create(
        from_person=parent,
        to_person=child,
        kind="biological_parent",
        is_guardian=True,
        lives_with=True,
    )
    first = notification(worker, child, team, at=days_ago(60))
    services.intake_decide(
        user=worker,
        intake=first,
        decision="start_assessment",
        decided_on=timezone.localdate() - datetime.timedelta(days=58),
        family_told_on=timezone.localdate() - datetime.timedelta(days=58),
    )
    assessment = first.case.assessments.get()
    services.assessment_complete(
        user=worker,
        assessment=assessment,
        completed_on=timezone.localdate() - datetime.timedelta(days=30),
        conclusion="child_welfare_client",
        summary="Tarvitaan tukea.",
        hearing={**HEARD, "heard_on": timezone.localdate() - datetime.timedelta(days=35)},
    )
    case = Case.objects.get(pk=first.case_id)
    plan_services.plan_save(
        user=worker,
        case=case,
        lock_version=0,
        approve=True,
        data={
            "service_needs": "Tuki arkeen",
            "circumstances": "Koulunkäynti",
            "services": "Perhetyö",
            "goal_time_estimate": "6 kk",
            "no_differing_views": True,
            "child_meetings": "Tapaamiset koululla",
            "child_meeting_interval_weeks": 4,
            "review_due": timezone.localdate() + datetime.timedelta(days=180),
        },
    )
    emergency = measure_services.measure_record(
        user=worker,
        case=case,
        kind="emergency_placement",
        decided_on=timezone.localdate() - datetime.timedelta(days=5),
        started_on=timezone.localdate() - datetime.timedelta(days=5),
        place="Perhekoti",
    )
    second = notification(worker, child, team, at=days_ago(10))
    services.intake_decide(
        user=worker,
        intake=second,
        decision="start_assessment",
        decided_on=timezone.localdate() - datetime.timedelta(days=8),
        family_told_on=None,
    )
    pending = notification(worker, child, team, at=days_ago(2))
    case.refresh_from_db()
    return CaseWorld(
        case=case,
        pending_intake=pending,
        open_assessment=case.assessments.get(completed_on__isnull=True),
        emergency=emergency,
    )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> Any:
    """The test database, created and migrated by its owner; then every connection runs
    as the least-privilege runtime role, as the application does in production
    (monia/access/testing.py). After the session, as the owner again, end the live
    server's lingering connections so the test database can be dropped cleanly."""
    from django.db import connection

    from monia.access.testing import runtime_role_install, runtime_role_uninstall

    with django_db_blocker.unblock():
        runtime_role_install()
    yield
    with django_db_blocker.unblock():
        runtime_role_uninstall()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


# --- The participation portal ------------------------------------------------------------
# case_a's child Aino (9) and her guardian Maija; Aino's sibling Eetu (14) with his own
# case; a young adult Ville (19) in aftercare after a placement that ended.


@dataclass
class PortalWorld:
    cw: CaseWorld
    child: Person  # Aino, 9: under 12, no portal of her own unless the worker allows
    guardian: Person  # Maija, guardian of Aino and Eetu
    young: Person  # Eetu, 14
    young_case: Case
    young_adult: Person  # Ville, 19
    adult_case: Case


@pytest.fixture
def portal_world(case_a: CaseWorld, world: World, worker_a: User) -> PortalWorld:
    child = case_a.case.child
    guardian = Person.objects.get(ties_from__to_person=child, ties_from__is_guardian=True)
    young = child_create(world.county_a, first="Eetu", years=14, number=902)
    relationship_create(
        from_person=guardian, to_person=young, kind="biological_parent", is_guardian=True
    )
    relationship_create(from_person=young, to_person=child, kind="sibling")
    young_case = notification(worker_a, young, world.team_a1, at=days_ago(20)).case
    adult = child_create(world.county_a, first="Ville", last="Nuori", years=19, number=903)
    adult_case = notification(worker_a, adult, world.team_a1, at=days_ago(400)).case
    placed = measure_services.measure_record(
        user=worker_a,
        case=adult_case,
        kind="emergency_placement",
        decided_on=timezone.localdate() - datetime.timedelta(days=390),
        started_on=timezone.localdate() - datetime.timedelta(days=390),
        place="Nuorisokoti",
        hearing={**HEARD, "heard_on": timezone.localdate() - datetime.timedelta(days=390)},
    )
    measure_services.measure_end(
        user=worker_a, measure=placed, ended_on=timezone.localdate() - datetime.timedelta(days=370)
    )
    measure_services.measure_record(
        user=worker_a,
        case=adult_case,
        kind="aftercare",
        decided_on=timezone.localdate() - datetime.timedelta(days=369),
        started_on=timezone.localdate() - datetime.timedelta(days=369),
        hearing={**HEARD, "heard_on": timezone.localdate() - datetime.timedelta(days=370)},
    )
    young_case.refresh_from_db()
    adult_case.refresh_from_db()
    return PortalWorld(
        cw=case_a,
        child=child,
        guardian=guardian,
        young=young,
        young_case=young_case,
        young_adult=adult,
        adult_case=adult_case,
    )


def portal_client(person: Person, language: str | None = None) -> Any:
    """A test client logged in to the portal as this person (the demo identification's
    path: the same service the SAML backend calls)."""
    from django.test import Client
    from django.urls import reverse

    from monia.portal.services import client_user_for_identity_code

    user = client_user_for_identity_code(person.identity_code, method="demo")
    assert user is not None, f"{person} has no portal access"
    client = Client()
    client.force_login(user)
    if language:
        client.post(reverse("set_language"), {"language": language, "next": "/portal/"})
    return client
