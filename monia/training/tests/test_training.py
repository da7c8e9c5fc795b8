"""Training records (issue 16): the development coordinator records a completed module, the
worker reads their own, the team's share trained follows each role's track, and everyone
else gets 404."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from monia.accounts.models import Role
from monia.conftest import login, make_user
from monia.training import hub, selectors, services
from monia.training.models import TrainingModule, TrainingRecord

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _catalogue(db: None) -> None:
    """Seeded by migration 0002; a live-server test's flush before this one empties it."""
    services.catalogue_ensure()


DAY = datetime.date(2026, 3, 2)


def _module(code: str) -> TrainingModule:
    return TrainingModule.objects.get(county__isnull=True, code=code)


def _record(recorder: Any, member: Any, code: str = "basic", day: datetime.date = DAY) -> Any:
    return services.training_record(
        recorder=recorder,
        member_id=member.pk,
        module_id=_module(code).pk,
        completed_on=day,
        hours=Decimal(40),
        provider="Systeemisen mallin koulutus",
    )


def test_the_migration_seeds_the_catalogue_the_code_knows(db: None) -> None:
    import importlib

    from monia.training.models import CATALOGUE

    seeded = importlib.import_module("monia.training.migrations.0002_seed_catalogue").CATALOGUE
    assert [tuple(map(str, row)) for row in seeded] == [tuple(map(str, r)) for r in CATALOGUE]
    codes = set(TrainingModule.objects.filter(county__isnull=True).values_list("code", flat=True))
    assert codes == {"basic", "consultant", "family_therapist", "refresher"}


def test_the_coordinator_records_a_module_and_the_worker_reads_it(
    world: Any, developer_a: Any, worker_a: Any
) -> None:
    client = login("developer_a", "fi")
    response = client.post(
        reverse("training_record"),
        {
            "member": worker_a.pk,
            "module": _module("basic").pk,
            "completed_on": "2026-03-02",
            "hours": "40,5",
            "provider": "Oppilaitos",
        },
    )
    assert response.status_code == 302
    record = TrainingRecord.objects.get()
    assert (record.user, record.hours, record.recorded_by) == (
        worker_a,
        Decimal("40.5"),
        developer_a,
    )
    page = login("worker_a", "fi").get(reverse("training_mine")).content.decode()
    assert "Oppilaitos" in page and "2.3.2026" in page


def test_a_refused_record_keeps_what_was_typed(world: Any, developer_a: Any, worker_a: Any) -> None:
    future = timezone.localdate() + datetime.timedelta(days=3)
    response = login("developer_a", "en").post(
        reverse("training_record"),
        {
            "member": worker_a.pk,
            "module": _module("basic").pk,
            "completed_on": future.isoformat(),
            "hours": "12",
            "provider": "Kirjoitettu tarjoaja",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200 and "cannot be in the future" in html
    assert "Kirjoitettu tarjoaja" in html and 'value="12"' in html
    assert not TrainingRecord.objects.exists()


def test_the_same_completion_is_recorded_once(world: Any, developer_a: Any, worker_a: Any) -> None:
    _record(developer_a, worker_a)
    with pytest.raises(ValidationError):
        _record(developer_a, worker_a)
    assert TrainingRecord.objects.count() == 1


def test_a_worker_may_not_record_and_another_countys_staff_cannot_be_chosen(
    world: Any, worker_a: Any, developer_a: Any, other_county: Any
) -> None:
    with pytest.raises(ValidationError):
        _record(worker_a, worker_a)
    with pytest.raises(ValidationError):
        _record(developer_a, other_county)
    assert login("worker_a").get(reverse("training_record")).status_code == 404


def test_trained_follows_the_track_each_role_needs(
    world: Any, developer_a: Any, worker_a: Any, teammate_a: Any
) -> None:
    consultant = make_user(
        "konsultti", Role.CONSULTANT_SOCIAL_WORKER, world.county_a, world.team_a1
    )
    therapist = make_user("terapeutti", Role.FAMILY_THERAPIST, world.county_a, world.team_a1)
    _record(developer_a, worker_a)  # basic: trained
    _record(developer_a, teammate_a, "refresher")  # a refresher alone is not the training
    _record(developer_a, consultant, "basic")  # the consultant needs the consultant track
    _record(developer_a, therapist, "family_therapist")
    share = selectors.team_share_trained(world.team_a1)
    assert (share.trained, share.total, share.percent) == (2, 4, 50)
    rows = {r.user.username: r.trained for r in selectors.team_members(world.team_a1)}
    assert rows == {"worker_a": True, "teammate_a": False, "konsultti": False, "terapeutti": True}


def test_the_county_overview_shows_each_teams_share(
    world: Any, developer_a: Any, worker_a: Any, teammate_a: Any, other_team: Any
) -> None:
    _record(developer_a, worker_a)
    shares = {
        s.team_id: (s.share.trained, s.share.total)
        for s in selectors.county_shares(world.county_a.pk)
    }
    assert shares == {world.team_a1.pk: (1, 2), world.team_a2.pk: (0, 1)}
    html = login("developer_a", "fi").get(reverse("training_county")).content.decode()
    assert "<svg" in html and world.team_a1.name in html and "50" in html


def test_the_county_overview_runs_a_fixed_number_of_queries(
    world: Any, developer_a: Any, worker_a: Any, teammate_a: Any, django_assert_num_queries: Any
) -> None:
    client = login("developer_a")
    client.get(reverse("training_county"))
    with django_assert_num_queries(5):  # session, user, shares, hours, notification bell
        assert client.get(reverse("training_county")).status_code == 200


def test_team_members_see_their_team_and_others_get_404(
    world: Any,
    worker_a: Any,
    other_team: Any,
    senior_a: Any,
    developer_a: Any,
    partner: Any,
    expert_by_experience: Any,
    other_county: Any,
) -> None:
    url = reverse("training_team", args=[world.team_a1.pk])
    for allowed in ("worker_a", "senior_a", "developer_a"):
        assert login(allowed).get(url).status_code == 200, allowed
    for refused in ("other_team", "partner", "expert_by_experience", "other_county"):
        assert login(refused).get(url).status_code == 404, refused
    for page in ("training_county", "training_record"):
        assert login("worker_a").get(reverse(page)).status_code == 404
        assert login("senior_a").get(reverse(page)).status_code == 200
    assert login("expert_by_experience").get(reverse("training_mine")).status_code == 404
    assert login("partner").get(reverse("training_mine")).status_code == 404


def test_the_caseboard_shows_the_teams_share_trained(
    world: Any, worker_a: Any, teammate_a: Any, developer_a: Any
) -> None:
    _record(developer_a, worker_a)
    html = login("worker_a", "en").get(reverse("caseboard")).content.decode()
    assert "Team trained: 1 of 2 (50%)" in html  # English: no space before the sign
    assert reverse("training_team", args=[world.team_a1.pk]) in html


def test_every_hub_link_opens(
    world: Any, worker_a: Any, developer_a: Any, senior_a: Any, expert_by_experience: Any
) -> None:
    for user in (worker_a, developer_a, senior_a):
        client = login(user.username)
        for link in hub.links(user):
            assert client.get(link.url).status_code == 200, (user.username, link.url_name)
    assert hub.links(expert_by_experience) == []


def test_the_coordinator_adds_a_county_module_offered_only_in_that_county(
    world: Any, developer_a: Any, worker_a: Any, other_county: Any
) -> None:
    client = login("developer_a", "en")
    response = client.post(
        reverse("training_module_new"),
        {"name": "Keski-Suomen verkostopäivä", "track": "refresher", "nominal_hours": "6"},
    )
    assert response.status_code == 302
    module = TrainingModule.objects.get(county=world.county_a)
    assert (module.code, module.track, module.nominal_hours) == (
        "keski-suomen-verkostopaiva",
        "refresher",
        6,
    )
    assert "Keski-Suomen verkostopäivä" in client.get(reverse("training_record")).content.decode()
    assert module not in selectors.modules_for(world.county_b.pk)
    again = client.post(
        reverse("training_module_new"),
        {"name": "keski-suomen verkostopäivä", "track": "refresher", "nominal_hours": "6"},
    )
    assert again.status_code == 200 and "already has a module" in again.content.decode()
    assert login("worker_a").get(reverse("training_module_new")).status_code == 404
    with pytest.raises(ValidationError):
        services.training_record(
            recorder=make_user("dev_b", Role.DEVELOPMENT_COORDINATOR, world.county_b, None),
            member_id=other_county.pk,
            module_id=module.pk,
            completed_on=DAY,
            hours=Decimal(6),
        )
