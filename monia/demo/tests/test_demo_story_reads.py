"""In a freshly loaded demo, "Who has seen my data" shows the portal's showcase young person
(and her guardian) the reads her story implies, on the story's own days: her worker taking
each step of her matter, the school nurse invited to her network meeting (demo/story_reads).
"""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import dateformat, timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from monia.access.chain import chain_breaks
from monia.access.models import AccessEvent, PersonRead
from monia.access.purposes import Purpose
from monia.accounts.models import User
from monia.casework.models import Case
from monia.conftest import portal_client
from monia.netmeet.models import MeetingStatus, NetworkMeeting

pytestmark = pytest.mark.django_db

# The county's showcase young person meets its school nurse at last week's network meeting
# (demo/portal.py); Pohjanmaa's is the Swedish-language team's client, read in Swedish.
SHOWCASES = (("terhi", "fi"), ("sofia", "sv"))


def _showcase(nurse: str) -> Case:
    meeting = NetworkMeeting.objects.select_related("case__child", "case__designated_worker").get(
        status=MeetingStatus.HELD, invitees__partner__username=nurse
    )
    return meeting.case


def _who_viewed(case: Case, language: str, *, guardian: bool = False) -> str:
    reader = case.child
    if guardian:
        reader = case.child.ties_to.filter(is_guardian=True).order_by("pk")[0].from_person
    client = portal_client(reader, language=language)
    response = client.get(reverse("portal_who_viewed", args=[case.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_showcase_child_sees_her_worker_on_the_storys_days_and_the_chain_is_whole() -> None:
    call_command("seed_demo", stdout=io.StringIO(), children=20, seed=1)
    assert chain_breaks() == []
    # Only the showcase cases: not the other children's (the load time stays as it was).
    read = set(AccessEvent.objects.values_list("case_id", flat=True))
    assert read == {_showcase(nurse).pk for nurse, _language in SHOWCASES}
    today = timezone.localdate()
    for nurse, language in SHOWCASES:
        case = _showcase(nurse)
        worker = case.designated_worker
        assert worker is not None
        intake = case.intakes.order_by("received_at")[0]
        # Her worker decided on the intake on the intake's own day, long before today.
        decided = PersonRead.objects.get(
            person_id=case.child_id, user_id=worker.pk, purpose=Purpose.INTAKE_DECISION
        )
        assert decided.day == intake.decided_on < today
        with translation.override(language):
            nobody = gettext("Nobody else has looked at the data yet.")
            day = dateformat.format(decided.day, "l j.n.Y")
        reader = escape(f"{worker.get_full_name()} ({worker.localized_title(language)})")
        school_nurse = User.objects.select_related("organisation").get(username=nurse)
        for guardian in (False, True):
            page = _who_viewed(case, language, guardian=guardian)
            assert escape(nobody) not in page
            assert day in page
            assert reader in page
            # The nurse was given the meeting's details: her name and her school.
            assert escape(school_nurse.get_full_name()) in page
            assert escape(school_nurse.organisation.name) in page
