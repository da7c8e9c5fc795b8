"""The apps' own disclosure tables move into the one log, each row's time kept."""

from __future__ import annotations

import datetime
import io
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from monia.access.testing import as_owner, runtime_role_grant
from monia.conftest import CaseWorld
from monia.network import access as network_access
from monia.network import services
from monia.network.models import DisclosureLog

# The last migrations before the log took every source.
BEFORE = [
    ("network", "0002_referrals"),
    ("contrib", "0002_contribution_reminders"),
    ("consult", "0001_consultations"),
    ("netmeet", "0001_network_meetings"),
]


def _migrate(targets: list[tuple[str, str]] | None = None) -> Any:
    """Migrate to the targets (default: the latest of every app); the state's apps."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_migration_copies_every_app_trail_into_the_log_keeping_its_time(
    case_a: CaseWorld,
    worker_a: Any,
    school: Any,
    partner: Any,
    contribution_request: Any,
    consent_consultation: Any,
    school_meeting: Any,
) -> None:
    grant = services.grant_create(
        user=worker_a,
        case=case_a.case,
        organisation=school,
        basis="lsl_41_request",
        scope=["basic"],
        ends_on=timezone.localdate() + datetime.timedelta(days=30),
    )
    network_access.partner_case_get(partner, case_a.case.pk, purpose="partner_case")
    then = timezone.now() - datetime.timedelta(days=400)
    child = case_a.case.child_id
    with as_owner():  # migrations and the old tables' rows: the owner's work, as in production
        try:
            old = _migrate(BEFORE)
            for model, fields in (
                (
                    "contrib.ContributionDisclosure",
                    dict(request_id=contribution_request.pk, basis="guardian_consent"),
                ),
                (
                    "consult.ConsultationDisclosure",
                    dict(consultation_id=consent_consultation.pk, person_id=child, basis="consent"),
                ),
                (
                    "netmeet.NetworkMeetingDisclosure",
                    dict(meeting_id=school_meeting.pk, person_id=child),
                ),
            ):
                trail = old.get_model(model)
                trail.objects.create(recipient_id=partner.pk, purpose="old_read", **fields)
                trail.objects.update(at=then)
        finally:
            _migrate()
    runtime_role_grant()  # the tables made again have no grants yet

    rows = {r.source: r for r in DisclosureLog.objects.all()}
    assert set(rows) == {"sharing_grant", "contribution_request", "consultation", "network_meeting"}
    assert (rows["sharing_grant"].source_id, rows["sharing_grant"].grant_id) == (grant.pk, grant.pk)
    moved = [rows[s] for s in ("contribution_request", "consultation", "network_meeting")]
    assert [(r.source_id, r.basis) for r in moved] == [
        (contribution_request.pk, "guardian_consent"),
        (consent_consultation.pk, "consent"),
        (school_meeting.pk, "meeting_invitation"),
    ]
    for row in moved:
        assert (row.at, row.grant_id, row.purpose, row.parts) == (then, None, "old_read", [])
        assert (row.recipient_id, row.organisation_id) == (partner.pk, school.pk)
        assert (row.person_id, row.case_id) == (child, case_a.case.pk)
    # The rows copied before the chain existed were chained by its migration, in order.
    assert sorted(r.chain_seq for r in rows.values()) == [1, 2, 3, 4]
    call_command("verify_log_chain", stdout=io.StringIO())
