"""The coordinator defines questionnaires: a form per question with nine wordings, a
published version frozen (editing makes a new one), another county's 404."""

from __future__ import annotations

import pytest
from django.urls import reverse

from monia.accounts.models import Role, User
from monia.conftest import World, login, make_user
from monia.feedback.models import Question, Questionnaire
from monia.feedback.tests.factories import questionnaire

pytestmark = pytest.mark.django_db


def test_coordinator_writes_and_publishes_a_questionnaire(world: World, developer_a: User) -> None:
    client = login("developer_a")
    response = client.post(
        reverse("feedback_questionnaire_new"),
        {"name": "Tapahtumapalaute", "trigger": "after_event", "active": "on"},
    )
    q = Questionnaire.objects.get()
    assert response.url == reverse("feedback_questionnaire", args=[q.pk])
    client.post(
        reverse("feedback_question_new", args=[q.pk]),
        {"kind": "scale_10", "text_fi_adult": "Suosittelisitko?", "text_sv_adult": "Rekommendera?"},
    )
    question = Question.objects.get()
    assert {t.language for t in question.texts.all()} == {"fi", "sv"}
    client.post(reverse("feedback_questionnaire", args=[q.pk]), {"publish": "1"})
    q.refresh_from_db()
    assert q.is_published and q.county == world.county_a


def test_a_question_without_wording_is_refused_and_nothing_saved(
    world: World, developer_a: User
) -> None:
    q = Questionnaire.objects.create(
        county=world.county_a, name="X", trigger="manual", created_by=developer_a
    )
    page = login("developer_a").post(
        reverse("feedback_question_new", args=[q.pk]), {"kind": "face"}
    )
    assert page.status_code == 200 and "error-summary" in page.content.decode()
    assert not Question.objects.exists()


def test_a_licensed_instrument_needs_its_licence_noted(world: World, developer_a: User) -> None:
    page = login("developer_a").post(
        reverse("feedback_questionnaire_new"),
        {"name": "Lisensoitu", "trigger": "manual", "licensed": "on"},
    )
    assert page.status_code == 200 and not Questionnaire.objects.exists()


def test_published_questions_are_frozen_and_edit_makes_a_new_version(
    world: World, developer_a: User
) -> None:
    q = questionnaire(world.county_a, developer_a)
    client = login("developer_a")
    question = q.questions.first()
    assert question is not None
    url = reverse("feedback_question_edit", args=[q.pk, question.pk])
    client.post(url, {"kind": "yes_no", "text_fi_adult": "Muutettu"})
    question.refresh_from_db()
    assert question.kind == "face"
    client.post(reverse("feedback_questionnaire", args=[q.pk]), {"new_version": "1"})
    client.post(reverse("feedback_questionnaire", args=[q.pk]), {"new_version": "1"})  # again
    new = Questionnaire.objects.get(previous=q)
    assert (new.version, new.questions.count(), new.is_published) == (2, 2, False)
    client.post(reverse("feedback_questionnaire", args=[new.pk]), {"publish": "1"})
    q.refresh_from_db()
    assert not q.active


def test_coordinator_of_another_county_gets_404(world: World, developer_a: User) -> None:
    q = questionnaire(world.county_a, developer_a)
    make_user("developer_b", Role.DEVELOPMENT_COORDINATOR, world.county_b, None)
    client = login("developer_b")
    question = q.questions.first()
    assert question is not None
    for url in (
        reverse("feedback_questionnaire", args=[q.pk]),
        reverse("feedback_questionnaire_edit", args=[q.pk]),
        reverse("feedback_question_new", args=[q.pk]),
        reverse("feedback_question_edit", args=[q.pk, question.pk]),
        reverse("feedback_results", args=[q.pk]),
    ):
        assert client.get(url).status_code == 404, url
    assert (
        client.post(
            reverse("feedback_questionnaire", args=[q.pk]), {"new_version": "1"}
        ).status_code
        == 404
    )
    assert Questionnaire.objects.count() == 1


def test_staff_cannot_manage_questionnaires(world: World, worker_a: User) -> None:
    assert login("worker_a").get(reverse("feedback_questionnaires")).status_code == 404


def test_hub_links_follow_the_role(
    world: World, developer_a: User, worker_a: User, partner: User
) -> None:
    from monia.feedback import hub

    assert [link.url_name for link in hub.links(developer_a)] == [
        "feedback_questionnaires",
        "feedback_results_list",
    ]
    assert [link.url_name for link in hub.links(worker_a)] == ["feedback_results_list"]
    assert hub.links(partner) == []


def test_the_purpose_is_written_in_each_language_and_a_new_version_keeps_them(
    world: World, developer_a: User
) -> None:
    client = login("developer_a")
    client.post(
        reverse("feedback_questionnaire_new"),
        {
            "name": "Tapaamispalaute",
            "purpose": "Kehitämme tapaamisia.",
            "purpose_sv": "Vi utvecklar mötena.",
            "purpose_en": "We improve the meetings.",
            "trigger": "after_network_meeting",
            "active": "on",
        },
    )
    q = Questionnaire.objects.get()
    assert (q.purpose, q.purpose_sv, q.purpose_en) == (
        "Kehitämme tapaamisia.",
        "Vi utvecklar mötena.",
        "We improve the meetings.",
    )
    edit = client.get(reverse("feedback_questionnaire_edit", args=[q.pk])).content.decode()
    assert "Vi utvecklar mötena." in edit and "We improve the meetings." in edit
    client.post(
        reverse("feedback_question_new", args=[q.pk]), {"kind": "yes_no", "text_fi_adult": "Kyllä?"}
    )
    client.post(reverse("feedback_questionnaire", args=[q.pk]), {"publish": "1"})
    client.post(reverse("feedback_questionnaire", args=[q.pk]), {"new_version": "1"})
    new = Questionnaire.objects.get(previous=q)
    assert (new.purpose_sv, new.purpose_en) == ("Vi utvecklar mötena.", "We improve the meetings.")
