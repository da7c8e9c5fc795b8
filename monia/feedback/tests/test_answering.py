"""A respondent answers their own invitation in the portal: once, all or nothing; anyone
else's invitation is 404 and saves nothing."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from monia.accounts.models import User
from monia.conftest import PortalWorld, portal_client
from monia.feedback import services
from monia.feedback.models import Answer, ContextKind, Invitation, Questionnaire
from monia.feedback.tests.factories import face, questionnaire

pytestmark = pytest.mark.django_db


def _invite(pw: PortalWorld, worker: User, person: object) -> Invitation:
    q = questionnaire(pw.young_case.county, worker)
    services.invitations_for(
        q,
        [person],
        context_kind=ContextKind.NETWORK_MEETING,
        context_id=7,
        context_date=timezone.localdate(),
        case_id=pw.young_case.pk,
    )
    return Invitation.objects.get()


def test_portal_front_page_lists_the_open_invitation(
    portal_world: PortalWorld, worker_a: User
) -> None:
    inv = _invite(portal_world, worker_a, portal_world.young)
    # Eetu has one matter: the front page takes him to it, and it lists the question.
    page = portal_client(portal_world.young).get(reverse("portal_home"), follow=True)
    assert reverse("feedback_portal_answer", args=[inv.pk]) in page.content.decode()


def test_not_invited_client_gets_404_and_nothing_is_saved(
    portal_world: PortalWorld, worker_a: User
) -> None:
    inv = _invite(portal_world, worker_a, portal_world.young)
    url = reverse("feedback_portal_answer", args=[inv.pk])
    guardian = portal_client(portal_world.guardian)
    assert guardian.get(url).status_code == 404
    assert guardian.post(url, {f"q_{face(inv.questionnaire).pk}": "4"}).status_code == 404
    assert not Answer.objects.exists()
    inv.refresh_from_db()
    assert inv.answered_at is None


def test_staff_get_404_on_the_portal_answer_page(
    portal_world: PortalWorld, worker_a: User, client: object
) -> None:
    inv = _invite(portal_world, worker_a, portal_world.young)
    from monia.conftest import login

    assert (
        login("worker_a").get(reverse("feedback_portal_answer", args=[inv.pk])).status_code == 404
    )


def test_double_submit_saves_once(portal_world: PortalWorld, worker_a: User) -> None:
    inv = _invite(portal_world, worker_a, portal_world.young)
    url = reverse("feedback_portal_answer", args=[inv.pk])
    young = portal_client(portal_world.young)
    data = {f"q_{face(inv.questionnaire).pk}": "4"}
    assert young.post(url, data).status_code == 302
    assert young.post(url, {f"q_{face(inv.questionnaire).pk}": "1"}).status_code in (200, 302)
    assert list(Answer.objects.values_list("value", flat=True)) == [4]


def test_a_missing_required_answer_saves_nothing_and_keeps_what_was_typed(
    portal_world: PortalWorld, worker_a: User
) -> None:
    inv = _invite(portal_world, worker_a, portal_world.young)
    text_q = inv.questionnaire.questions.get(kind="text")
    page = portal_client(portal_world.young).post(
        reverse("feedback_portal_answer", args=[inv.pk]), {f"q_{text_q.pk}": "Hyvä kokous"}
    )
    assert page.status_code == 200
    assert "Hyvä kokous" in page.content.decode()
    assert "error-summary" in page.content.decode()
    assert not Answer.objects.exists()


def test_young_person_sees_the_youth_wording_in_their_language(
    portal_world: PortalWorld, worker_a: User
) -> None:
    inv = _invite(portal_world, worker_a, portal_world.young)
    url = reverse("feedback_portal_answer", args=[inv.pk])
    assert "Miltä tapaaminen tuntui?" in portal_client(portal_world.young).get(url).content.decode()
    # Swedish has no youth wording: the adult's in Swedish comes before Finnish.
    page = portal_client(portal_world.young, language="sv").get(url)
    assert "Hur gick mötet?" in page.content.decode()


def test_the_childs_answers_show_on_the_plan_page(
    portal_world: PortalWorld, worker_a: User
) -> None:
    from monia.conftest import login

    case = portal_world.cw.case
    q = questionnaire(case.county, worker_a)
    services.invitations_for(
        q,
        [case.child],
        context_kind="plan",
        context_id=1,
        context_date=timezone.localdate(),
        case_id=case.pk,
    )
    inv = Invitation.objects.get()
    services.answers_submit(
        invitation_id=inv.pk,
        questions=list(q.questions.all()),
        answers={f"q_{face(q).pk}": 5, f"q_{q.questions.get(kind='text').pk}": "Kiva olla"},
    )
    page = login("worker_a").get(reverse("plan_read", args=[case.pk]))
    assert "Kiva olla" in page.content.decode()


def test_staff_answer_their_event_question_and_others_get_404(
    world: object, developer_a: User, worker_a: User, teammate_a: User
) -> None:
    from monia.conftest import login

    q = questionnaire(worker_a.county, developer_a)
    services.invitations_for(q, [worker_a], context_kind="event", context_id=3)
    inv = Invitation.objects.get()
    url = reverse("feedback_answer", args=[inv.pk])
    assert login("teammate_a").post(url, {f"q_{face(q).pk}": "2"}).status_code == 404
    assert login("worker_a").post(url, {f"q_{face(q).pk}": "5"}).status_code == 302
    assert list(Answer.objects.values_list("value", flat=True)) == [5]
    develop = login("worker_a").get(reverse("develop")).content.decode()
    assert url not in develop  # answered: no longer offered


@pytest.mark.parametrize(
    ("language", "shown", "not_shown"),
    [
        ("sv", "Vi utvecklar mötena.", "Kehitämme tapaamisia."),
        ("fi", "Kehitämme tapaamisia.", "Vi utvecklar mötena."),
        ("en", "Kehitämme tapaamisia.", "Vi utvecklar mötena."),  # no English one: Finnish
    ],
)
def test_the_respondent_reads_the_purpose_in_their_language(
    portal_world: PortalWorld, worker_a: User, language: str, shown: str, not_shown: str
) -> None:
    inv = _invite(portal_world, worker_a, portal_world.young)
    Questionnaire.objects.filter(pk=inv.questionnaire_id).update(
        purpose="Kehitämme tapaamisia.", purpose_sv="Vi utvecklar mötena."
    )
    page = portal_client(portal_world.young, language).get(
        reverse("feedback_portal_answer", args=[inv.pk])
    )
    main = page.content.decode().split("<main", 1)[1]
    assert shown in main and not_shown not in main


def test_the_page_says_which_questions_need_an_answer_and_that_the_rest_are_a_choice(
    portal_world: PortalWorld, worker_a: User
) -> None:
    inv = _invite(portal_world, worker_a, portal_world.young)
    url = reverse("feedback_portal_answer", args=[inv.pk])
    young = portal_client(portal_world.young, language="en")
    page = young.get(url).content.decode()
    # The face question is required: "you choose what you answer" would not be true.
    assert "You choose what you answer." not in page
    assert "Answer the questions marked “needs an answer”." in page
    # The face question's legend says so; the free text's label does not.
    assert len(re.findall(r"<legend>[^<]+ \(needs an answer\)</legend>", page)) == 1
    assert page.count("(needs an answer)") == 1
    face(inv.questionnaire).__class__.objects.filter(required=True).update(required=False)
    page = young.get(url).content.decode()
    assert "You choose what you answer." in page and "needs an answer" not in page
