"""Developer groups: membership decides who sees a group, the memo is for the chair and the
secretary, ideas validate their status and practice link, forms keep what was typed."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext

from monia.accounts.models import User
from monia.conftest import CaseWorld
from monia.conftest import login as _login
from monia.devgroups import selectors, services
from monia.devgroups.models import DeveloperGroup, GroupMeeting, Idea
from monia.devgroups.services import IdeaFields

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(world: Any, worker_a: Any, expert_by_experience: Any, partner: Any) -> DeveloperGroup:
    group = services.developer_group_create(county=world.county_a, name="Kehittäjäryhmä")
    services.developer_member_add(group=group, user=worker_a, role="chair")
    services.developer_member_add(group=group, user=expert_by_experience, role="member")
    services.developer_member_add(group=group, user=partner, role="member")
    return group


@pytest.fixture
def meeting(group: DeveloperGroup) -> GroupMeeting:
    return services.group_meeting_create(
        group=group,
        held_at=timezone.now() - datetime.timedelta(days=1),
        place="Kokoushuone",
        agenda="Ideoiden läpikäynti",
    )


def _url(group: DeveloperGroup) -> str:
    return reverse("devgroup_detail", kwargs={"group_id": group.pk})


def test_members_and_the_coordinator_see_the_group(group: DeveloperGroup, developer_a: Any) -> None:
    for persona in ("worker_a", "expert_by_experience", "partner", "developer_a"):
        assert _login(persona).get(_url(group)).status_code == 200, persona


@pytest.mark.parametrize("persona", ["teammate_a", "other_county", "admin"])
def test_non_member_and_other_county_get_404(
    group: DeveloperGroup, persona: str, request: pytest.FixtureRequest
) -> None:
    request.getfixturevalue(persona)
    assert _login(persona).get(_url(group)).status_code == 404


def test_coordinator_of_another_county_gets_404(group: DeveloperGroup, world: Any) -> None:
    from monia.conftest import make_user

    make_user("developer_b", "development_coordinator", world.county_b, None)
    assert _login("developer_b").get(_url(group)).status_code == 404


def test_expert_by_experience_sees_his_group_but_never_a_case(
    group: DeveloperGroup, case_a: CaseWorld
) -> None:
    client = _login("expert_by_experience")
    assert client.get(_url(group)).status_code == 200
    assert client.get(reverse("devgroups")).status_code == 200
    case_url = reverse("case_detail", kwargs={"case_id": case_a.case.pk})
    assert client.get(case_url).status_code == 404


def test_list_shows_only_my_groups_and_all_for_the_coordinator(
    group: DeveloperGroup, world: Any, developer_a: Any, teammate_a: Any
) -> None:
    services.developer_group_create(county=world.county_a, name="Toinen ryhmä")
    mine = _login("worker_a").get(reverse("devgroups")).content.decode()
    assert "Kehittäjäryhmä" in mine and "Toinen ryhmä" not in mine
    everyone = _login("developer_a").get(reverse("devgroups")).content.decode()
    assert "Kehittäjäryhmä" in everyone and "Toinen ryhmä" in everyone


def test_memo_is_written_by_the_chair_only(
    group: DeveloperGroup, meeting: GroupMeeting, expert_by_experience: Any
) -> None:
    url = reverse("devgroup_meeting", kwargs={"group_id": group.pk, "meeting_id": meeting.pk})
    data = {"agenda": "Agenda", "memo": "Sovittiin pilotista."}
    assert _login("expert_by_experience").post(url, data).status_code == 404
    meeting.refresh_from_db()
    assert meeting.memo == ""
    page = _login("expert_by_experience").get(url).content.decode()
    assert "Ideoiden läpikäynti" in page and "<textarea" not in page
    assert _login("worker_a").post(url, data).status_code == 302
    meeting.refresh_from_db()
    assert meeting.memo == "Sovittiin pilotista." and meeting.memo_by is not None
    assert "Sovittiin pilotista." in _login("expert_by_experience").get(url).content.decode()


def test_memo_page_tells_not_to_write_clients_names(
    group: DeveloperGroup, meeting: GroupMeeting
) -> None:
    url = reverse("devgroup_meeting", kwargs={"group_id": group.pk, "meeting_id": meeting.pk})
    hint = gettext(
        "Do not write clients' names here. The memo is read by every member of the group, "
        "also experts by experience and partners."
    )
    assert escape(hint) in _login("worker_a").get(url).content.decode()


def test_memo_before_the_meeting_is_refused(group: DeveloperGroup, worker_a: Any) -> None:
    coming = services.group_meeting_create(
        group=group, held_at=timezone.now() + datetime.timedelta(days=3), place="Sali"
    )
    with pytest.raises(ValidationError):
        services.group_meeting_memo_save(user=worker_a, meeting=coming, agenda="", memo="Muistio")


def test_idea_status_and_practice_link_are_validated(
    group: DeveloperGroup, worker_a: Any, teammate_a: Any
) -> None:
    base: dict[str, Any] = {"user": worker_a, "group": group}
    with pytest.raises(ValidationError) as bad_status:
        services.idea_create(**base, fields=IdeaFields(title="Idea", status="done"))
    assert "status" in bad_status.value.message_dict
    with pytest.raises(ValidationError) as http:
        services.idea_create(
            **base,
            fields=IdeaFields(
                title="Idea",
                practice_description_title="Kuvaus",
                practice_description_url="http://innokyla.fi/x",
            ),
        )
    assert "practice_description_url" in http.value.message_dict
    with pytest.raises(ValidationError) as no_outcome:
        services.idea_create(**base, fields=IdeaFields(title="Idea", status="adopted"))
    assert "outcome" in no_outcome.value.message_dict
    with pytest.raises(ValidationError) as outsider:
        services.idea_create(**base, fields=IdeaFields(title="Idea", owner=teammate_a))
    assert "owner" in outsider.value.message_dict
    assert not Idea.objects.exists()
    idea = services.idea_create(
        **base,
        fields=IdeaFields(
            title="Idea",
            status="adopted",
            owner=worker_a,
            outcome="Käytössä",
            practice_description_title="Toimintamallikuvaus",
            practice_description_url="https://www.innokyla.fi/fi/toimintamalli/x",
        ),
    )
    html = _login("expert_by_experience").get(_url(group)).content.decode()
    assert 'href="https://www.innokyla.fi/fi/toimintamalli/x"' in html
    assert idea.version == 0


def test_idea_form_keeps_typed_values_on_error(group: DeveloperGroup) -> None:
    url = reverse("devgroup_idea_new", kwargs={"group_id": group.pk})
    data = {
        "title": "Kirjoitettu otsikko",
        "description": "Pitkä kuvaus",
        "status": "adopted",
        "outcome": "Tulos",
        "practice_description_title": "Kuvaus",
        "practice_description_url": "ftp://x",
    }
    response = _login("expert_by_experience").post(url, data)
    html = response.content.decode()
    assert response.status_code == 200 and not Idea.objects.exists()
    assert "Kirjoitettu otsikko" in html and "Pitkä kuvaus" in html and "ftp://x" in html


IDEA_STALE = (
    "Someone else saved this idea while you were editing. Your text is below: "
    "open the idea again to see their changes."
)
IDEA_OWN_STALE = (
    "You saved this idea again after this page was opened: in another window, or the form "
    "was sent twice. Your text is below: open the idea again to see the saved version."
)


def test_idea_edit_over_a_newer_edit_is_refused(group: DeveloperGroup, worker_a: Any) -> None:
    idea = services.idea_create(user=worker_a, group=group, fields=IdeaFields(title="Idea"))
    url = reverse("devgroup_idea_edit", kwargs={"group_id": group.pk, "idea_id": idea.pk})
    data = {"title": "Uusi nimi", "status": "in_progress", "version": "0"}
    assert _login("worker_a").post(url, data).status_code == 302
    stale = _login("partner").post(url, {**data, "title": "Vanha muokkaus"})
    assert stale.status_code == 200
    assert escape(gettext(IDEA_STALE)) in stale.content.decode()
    idea.refresh_from_db()
    assert idea.title == "Uusi nimi" and idea.version == 1


def test_an_idea_edit_sent_twice_says_you_saved_it_not_someone_else(
    group: DeveloperGroup, worker_a: Any
) -> None:
    idea = services.idea_create(user=worker_a, group=group, fields=IdeaFields(title="Idea"))
    url = reverse("devgroup_idea_edit", kwargs={"group_id": group.pk, "idea_id": idea.pk})
    data = {"title": "Uusi nimi", "status": "in_progress", "version": "0"}
    client = _login("worker_a")
    assert client.post(url, data).status_code == 302
    again = client.post(url, data)
    html = again.content.decode()
    assert again.status_code == 200
    assert escape(gettext(IDEA_OWN_STALE)) in html and escape(gettext(IDEA_STALE)) not in html
    idea.refresh_from_db()
    assert idea.version == 1


def test_only_the_coordinator_manages_members(group: DeveloperGroup, developer_a: Any) -> None:
    url = reverse("devgroup_members", kwargs={"group_id": group.pk})
    assert _login("worker_a").get(url).status_code == 404
    assert _login("developer_a").get(url).status_code == 200
    assert _login("worker_a").get(reverse("devgroup_new")).status_code == 404


def test_backlog_filters_by_status(group: DeveloperGroup, worker_a: Any) -> None:
    services.idea_create(user=worker_a, group=group, fields=IdeaFields(title="Ehdotettu idea"))
    piloting = IdeaFields(title="Pilotti", status="piloting")
    services.idea_create(user=worker_a, group=group, fields=piloting)
    html = _login("worker_a").get(_url(group) + "?status=piloting").content.decode()
    assert "Pilotti" in html and "Ehdotettu idea" not in html


def test_group_page_query_count_stays_flat(
    group: DeveloperGroup, meeting: GroupMeeting, worker_a: Any
) -> None:
    client = _login("worker_a")

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(_url(group)).status_code == 200
        return len(ctx.captured_queries)

    services.idea_create(
        user=worker_a, group=group, fields=IdeaFields(title="Yksi", owner=worker_a)
    )
    few = count()
    for n in range(5):
        services.idea_create(
            user=worker_a, group=group, fields=IdeaFields(title=f"Idea {n}", owner=worker_a)
        )
        services.group_meeting_create(
            group=group, held_at=timezone.now() + datetime.timedelta(days=n + 1), place="Sali"
        )
    assert count() == few


def test_the_network_page_links_developer_groups_and_peer_groups(
    group: DeveloperGroup, admin: Any
) -> None:
    html = _login("expert_by_experience").get(reverse("develop")).content.decode()
    assert reverse("devgroups") in html and reverse("peer_groups") in html
    assert _login("admin").get(reverse("devgroups")).status_code == 404


def test_coordinator_removes_a_member_and_their_ideas_lose_the_owner(
    group: DeveloperGroup, developer_a: Any, partner: Any, worker_a: Any
) -> None:
    idea = services.idea_create(
        user=worker_a, group=group, fields=IdeaFields(title="Idea", owner=partner)
    )
    membership = group.members.get(user=partner)
    url = reverse(
        "devgroup_member_remove", kwargs={"group_id": group.pk, "membership_id": membership.pk}
    )
    assert _login("worker_a").post(url).status_code == 404
    assert _login("developer_a").post(url).status_code == 302
    idea.refresh_from_db()
    assert idea.owner is None and not group.members.filter(user=partner).exists()
    assert _login("partner").get(_url(group)).status_code == 404


@pytest.mark.parametrize("persona", ["worker_a", "expert_by_experience", "partner", "developer_a"])
def test_group_list_counts_every_member_for_a_member_as_for_the_coordinator(
    group: DeveloperGroup, developer_a: Any, persona: str
) -> None:
    user = User.objects.get(username=persona)
    (listed,) = selectors.groups_for_user(user)
    assert listed.member_count == 3
