"""The coordinator's "Ask now": the county's development coordinator asks one of the
county's staff-side groups (a team, a developer group, all the staff) a published, active
questionnaire by hand; nobody holds two open invitations to one version; anyone else 404s."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from monia.access import develop_rule
from monia.accounts.models import Role, User
from monia.conftest import World, login, make_user
from monia.devgroups.models import DeveloperGroup, Membership
from monia.feedback import selectors, services
from monia.feedback.models import Invitation, Questionnaire
from monia.feedback.tests.factories import questionnaire
from monia.notify.models import Notification

pytestmark = pytest.mark.django_db


def _manual(developer: User, **extra: Any) -> Questionnaire:
    return questionnaire(developer.county, developer, trigger="manual", **extra)


def _ask(q: Questionnaire, audience: str, username: str = "developer_a", **kw: Any) -> Any:
    """Post the form in English; ``follow=True`` lands on the page with its message."""
    return login(username, "en").post(
        reverse("feedback_questionnaire_ask", args=[q.pk]), {"audience": audience}, **kw
    )


def test_coordinator_asks_a_team_and_its_members_get_invitations_and_notices(
    world: World,
    developer_a: User,
    worker_a: User,
    teammate_a: User,
    other_team: User,
    django_capture_on_commit_callbacks: Any,
) -> None:
    q = _manual(developer_a)
    User.objects.filter(pk=worker_a.pk).update(email="worker@example.invalid")
    with django_capture_on_commit_callbacks(execute=True):
        response = _ask(q, f"team:{world.team_a1.pk}", follow=True)
    assert response.redirect_chain == [(reverse("feedback_questionnaire", args=[q.pk]), 302)]
    invited = Invitation.objects.filter(questionnaire=q)
    assert {i.respondent_user for i in invited} == {worker_a, teammate_a}
    assert {i.context_kind for i in invited} == {"manual"}
    assert {n.user for n in Notification.objects.all()} == {worker_a, teammate_a}
    [email] = mail.outbox
    assert email.to == ["worker@example.invalid"]
    assert q.name not in email.body  # the e-mail says only that a question waits
    assert "Asked 2 people." in response.content.decode()


def test_asking_the_same_team_again_adds_no_invitation_and_says_so(
    world: World, developer_a: User, worker_a: User, teammate_a: User
) -> None:
    q = _manual(developer_a)
    _ask(q, f"team:{world.team_a1.pk}")
    response = _ask(q, f"team:{world.team_a1.pk}", follow=True)
    assert Invitation.objects.filter(questionnaire=q).count() == 2
    assert Notification.objects.count() == 2
    page = response.content.decode()
    assert "Asked 0 people. 2 already had an invitation and were not asked again." in page


def test_a_later_ask_leaves_out_an_open_invitation_but_asks_one_who_answered(
    world: World, developer_a: User, worker_a: User, teammate_a: User
) -> None:
    q = _manual(developer_a)
    team = f"team:{world.team_a1.pk}"
    last_week = timezone.localdate() - datetime.timedelta(days=7)
    assert services.questionnaire_ask(questionnaire=q, audience=team, today=last_week).new == 2
    Invitation.objects.filter(respondent_user=worker_a).update(answered_at=timezone.now())
    asked = services.questionnaire_ask(questionnaire=q, audience=team)
    assert (asked.new, asked.already) == (1, 1)
    open_ones = Invitation.objects.filter(questionnaire=q, answered_at__isnull=True)
    assert sorted(i.respondent_user_id for i in open_ones) == sorted([teammate_a.pk, worker_a.pk])
    assert Invitation.objects.filter(respondent_user=teammate_a).count() == 1


def test_the_county_and_a_developer_group_are_audiences_with_their_counts(
    world: World,
    developer_a: User,
    worker_a: User,
    other_team: User,
    senior_a: User,
    partner: User,
    expert_by_experience: User,
    other_county: User,
    admin: User,
) -> None:
    group = DeveloperGroup.objects.create(county=world.county_a, name="Kouluyhteistyö")
    for member in (worker_a, partner, expert_by_experience):
        Membership.objects.create(group=group, user=member)
    DeveloperGroup.objects.create(county=world.county_b, name="Muualla")
    everyone, teams, groups = selectors.ask_audiences(world.county_a.pk)
    assert everyone.count == 4  # worker_a, other_team, senior_a and the coordinator
    assert [(a.name, a.count) for a in teams] == [("A1", 1), ("A2", 1)]
    assert [(a.key, a.count) for a in groups] == [(f"group:{group.pk}", 3)]
    q = _manual(developer_a)
    _ask(q, "county")
    _ask(q, f"group:{group.pk}")
    assert {i.respondent_user for i in Invitation.objects.all()} == {
        developer_a,
        worker_a,
        other_team,
        senior_a,
        partner,
        expert_by_experience,
    }


def test_the_county_audience_is_the_set_is_county_staff_admits(world: World) -> None:
    for role in Role.values:
        user = make_user(f"u_{role}", role, world.county_a, None)
        found = selectors.audience_members(world.county_a.pk, "county")
        assert found is not None
        assert found.filter(pk=user.pk).exists() == develop_rule.is_county_staff(user), role


def test_another_countys_team_is_refused_and_nothing_saved(
    world: World, developer_a: User, other_county: User
) -> None:
    q = _manual(developer_a)
    response = _ask(q, f"team:{world.team_b1.pk}")
    page = response.content.decode()
    assert response.status_code == 200 and "error-summary" in page
    assert "Choose one of your county&#x27;s groups." in page
    assert not Invitation.objects.exists() and not Notification.objects.exists()
    with pytest.raises(ValidationError):
        services.questionnaire_ask(questionnaire=q, audience=f"team:{world.team_b1.pk}")


def test_a_draft_or_inactive_questionnaire_is_refused_and_the_choice_kept(
    world: World, developer_a: User, worker_a: User
) -> None:
    draft = Questionnaire.objects.create(
        county=world.county_a, name="Luonnos", trigger="manual", created_by=developer_a
    )
    inactive = _manual(developer_a, active=False)
    team = f"team:{world.team_a1.pk}"
    for q, message in (
        (draft, "Publish the questionnaire before asking anyone."),
        (inactive, "This questionnaire is not active: make it active first."),
    ):
        page = _ask(q, team).content.decode()
        assert message in page
        assert f'<option value="{team}" selected>' in page
    assert not Invitation.objects.exists()


def test_the_form_is_translated_and_shows_how_many_each_group_holds(
    world: World, developer_a: User, worker_a: User, teammate_a: User
) -> None:
    q = _manual(developer_a)
    url = reverse("feedback_questionnaire", args=[q.pk])
    page = login("developer_a", "fi").get(url).content.decode()
    assert "Kysy nyt" in page and "A1 (2 henkilöä)" in page
    page = login("developer_a", "sv").get(url).content.decode()
    assert "Fråga nu" in page and "A1 (2 personer)" in page
    # A draft offers no "Ask now".
    draft = Questionnaire.objects.create(
        county=world.county_a, name="Luonnos", trigger="manual", created_by=developer_a
    )
    page = login("developer_a").get(reverse("feedback_questionnaire", args=[draft.pk]))
    assert reverse("feedback_questionnaire_ask", args=[draft.pk]) not in page.content.decode()


@pytest.mark.parametrize("username", ["worker_a", "partner", "expert_by_experience"])
def test_anyone_but_the_coordinator_posting_the_form_gets_404(
    world: World,
    developer_a: User,
    worker_a: User,
    partner: User,
    expert_by_experience: User,
    username: str,
) -> None:
    q = _manual(developer_a)
    assert _ask(q, "county", username).status_code == 404
    assert not Invitation.objects.exists()


def test_another_countys_coordinator_gets_404(world: World, developer_a: User) -> None:
    q = _manual(developer_a)
    make_user("developer_b", Role.DEVELOPMENT_COORDINATOR, world.county_b, None)
    assert _ask(q, "county", "developer_b").status_code == 404
    assert not Invitation.objects.exists()


def test_the_ask_url_answers_only_post(world: World, developer_a: User) -> None:
    q = _manual(developer_a)
    url = reverse("feedback_questionnaire_ask", args=[q.pk])
    assert login("developer_a").get(url).status_code == 405
