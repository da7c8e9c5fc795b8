"""One notifier rule (LsL 25 §) for both ways a notification comes in: the function the
services call and the constraints of ``casework.Intake`` and ``enotify.ENotification``
give the same answer."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monia.accounts.models import User
from monia.casework.models import Intake
from monia.casework.notifier import notifier_errors
from monia.conftest import World, child_create, days_ago, notification
from monia.enotify import services
from monia.enotify.models import ENotification
from monia.enotify.tests.conftest import CHILD_CODE

pytestmark = pytest.mark.django_db

# No example database: keep the working tree free of a .hypothesis directory.
PROPERTY = settings(
    deadline=None,
    database=None,
    max_examples=150,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
FIELDS = ("name", "organisation", "sector", "phone", "email")


class _Rollback(Exception):
    pass


def _accepts(model: type[models.Model], pk: int, **fields: Any) -> bool:
    """Whether the table's constraints accept the row with these values (rolled back)."""
    try:
        with transaction.atomic():
            model._default_manager.filter(pk=pk).update(**fields)
            raise _Rollback
    except _Rollback:
        return True
    except IntegrityError:
        return False


def _stored(notifier_type: str, **given: str) -> dict[str, str]:
    """The columns as the services store them: without surrounding spaces."""
    row = {f"notifier_{f}": given.get(f, "").strip() for f in FIELDS}
    return {"notifier_type": notifier_type, **row}


@pytest.fixture
def rows(world: World, worker_a: User) -> tuple[int, int]:
    """One intake and one e-notification whose notifier columns the tests rewrite."""
    intake = notification(worker_a, child_create(world.county_a), world.team_a1, at=days_ago(1))
    en = services.enotification_submit(
        county=world.county_a,
        ip_hash=services.ip_hash_of("192.0.2.1"),
        submission_key=uuid.uuid4(),
        kind="notification",
        notifier_type="private",
        child_first_names="Aino",
        child_last_name="Esimerkki",
        child_identity_code=CHILD_CODE,
        content="Huoli lapsesta.",
    )
    return intake.pk, en.pk


def test_anonymous_notifier_with_organisation_is_refused_by_both_paths(
    world: World, worker_a: User, rows: tuple[int, int]
) -> None:
    """Recording it as an intake is refused by the service and by the intake's table;
    an e-notification row is refused by its table (the public form itself drops an
    anonymous person's identity before storing: test_views)."""
    with pytest.raises(ValidationError) as exc:
        notification(
            worker_a,
            child_create(world.county_a, number=907),
            world.team_a1,
            at=days_ago(1),
            notifier_type="anonymous",
            notifier_sector="",
            notifier_name="",
            notifier_phone="",
            notifier_organisation="Kerrostalo",
        )
    assert list(exc.value.message_dict) == ["notifier_organisation"]
    row = _stored("anonymous", organisation="Kerrostalo")
    intake_pk, en_pk = rows
    assert not _accepts(Intake, intake_pk, **row)
    assert not _accepts(ENotification, en_pk, **row)


def test_obligated_notifier_without_sector_is_refused_by_both_tables(
    rows: tuple[int, int],
) -> None:
    row = _stored("obligated", name="Terhi", organisation="Koulu", phone="040 1")
    intake_pk, en_pk = rows
    assert not _accepts(Intake, intake_pk, **row)
    assert not _accepts(ENotification, en_pk, **row)
    row["notifier_sector"] = "school"
    assert _accepts(Intake, intake_pk, **row) and _accepts(ENotification, en_pk, **row)


def test_unknown_notifier_type_is_refused_by_both_tables(rows: tuple[int, int]) -> None:
    intake_pk, en_pk = rows
    assert not _accepts(Intake, intake_pk, notifier_type="robot")
    assert not _accepts(ENotification, en_pk, notifier_type="robot")


texts = st.one_of(
    st.sampled_from(["", " ", "Terhi", " Esimerkin koulu ", "school", "040 123 4567"]),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12),
)


@PROPERTY
@given(
    notifier_type=st.sampled_from(["obligated", "private", "anonymous", "", "robot"]),
    values=st.fixed_dictionaries({f: texts for f in FIELDS}),
)
def test_rule_and_both_tables_agree_on_any_notifier(
    rows: tuple[int, int], notifier_type: str, values: dict[str, str]
) -> None:
    intake_pk, en_pk = rows
    recorded = notifier_errors(notifier_type=notifier_type, **values)
    row = _stored(notifier_type, **values)
    assert _accepts(Intake, intake_pk, **row) == (not recorded)
    assert _accepts(ENotification, en_pk, **row) == (not recorded)
    # The public form asks a professional for their organisation as well; nothing else.
    self_reported = notifier_errors(notifier_type=notifier_type, **values, self_reported=True)
    organisation_missing = notifier_type == "obligated" and not values["organisation"].strip()
    assert set(self_reported) == set(recorded) | (
        {"notifier_organisation"} if organisation_missing else set()
    )
