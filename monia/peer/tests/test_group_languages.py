"""A peer group's name, description and meeting time in Finnish with optional Swedish and
English variants: families and staff read the one of their language, else the Finnish one;
the coordinator and the facilitators write them in the group's forms, under the same
optimistic lock as the rest of the group."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from monia.conftest import PortalWorld, portal_client
from monia.conftest import login as _login
from monia.peer import selectors, services
from monia.peer.models import PeerGroup
from monia.peer.tests import factories
from monia.portal.services import client_user_for_identity_code

pytestmark = pytest.mark.django_db

NAME = {"fi": "Nuorten vertaisryhmä", "sv": "Ungdomarnas kamratgrupp", "en": "Young people's group"}
DESCRIPTION = {
    "fi": "Tavataan muita samassa tilanteessa.",
    "sv": "Vi träffar andra i en liknande situation.",
    "en": "We meet others in a similar situation.",
}
MEETS = {
    "fi": "Maanantaisin klo 17, nuorisotila",
    "sv": "Måndagar kl. 17, ungdomsgården",
    "en": "Mondays at 5 pm, the youth centre",
}
OWN_STALE = (
    "You saved this group again after this page was opened: in another window, or the form "
    "was sent twice. Your text is below: open the group again to see the saved version."
)


def _texts(language: str, *, suffix: str = "") -> dict[str, str]:
    return {
        f"name{suffix}": NAME[language],
        f"description{suffix}": DESCRIPTION[language],
        f"meets{suffix}": MEETS[language],
    }


def _bilingual(world: Any, facilitator: Any, **kw: Any) -> PeerGroup:
    """A young people's group with its texts in Finnish and in Swedish (no English)."""
    return factories.group(
        world, "young_people", facilitator, **{**_texts("fi"), **_texts("sv", suffix="_sv"), **kw}
    )


def _edit_url(group: PeerGroup) -> str:
    return reverse("peer_group_edit", kwargs={"group_id": group.pk})


def _form(group: PeerGroup, **changes: str) -> dict[str, Any]:
    """The edit form as its page sends it (the facilitator's: no facilitators field)."""
    data = {
        "audience": group.audience,
        "capacity": "",
        "open_for_sign_up": "on" if group.open_for_sign_up else "",
        "version": str(group.version),
        **{field: getattr(group, field) for field in selectors.TEXT_FIELDS},
        **changes,
    }
    return {k: v for k, v in data.items() if v != ""}


def test_each_text_is_read_in_the_readers_language_else_in_finnish(
    world: Any, teammate_a: Any
) -> None:
    group = _bilingual(world, teammate_a)
    shown = {}
    for language in ("fi", "sv", "en", "sv-fi"):
        with translation.override(language):
            shown[language] = (group.display_name, group.display_description, group.display_meets)
    assert shown["sv"] == shown["sv-fi"] == (NAME["sv"], DESCRIPTION["sv"], MEETS["sv"])
    assert shown["fi"] == (NAME["fi"], DESCRIPTION["fi"], MEETS["fi"])
    assert shown["en"] == shown["fi"]  # no English variant: the Finnish text
    group.name_en = "Young people's group"
    with translation.override("en"):
        assert group.display_name == NAME["en"] and group.display_meets == MEETS["fi"]


def test_a_variant_of_spaces_only_is_saved_empty_and_the_finnish_text_is_read(
    world: Any, teammate_a: Any
) -> None:
    group = factories.group(world, "parents", teammate_a, name="Vanhempien ryhmä", name_sv="   ")
    group.refresh_from_db()
    assert group.name_sv == ""
    with translation.override("sv"):
        assert group.display_name == "Vanhempien ryhmä"


def test_the_portal_in_swedish_shows_the_swedish_group_name_and_texts(
    world: Any, teammate_a: Any, portal_world: PortalWorld
) -> None:
    group = _bilingual(world, teammate_a)
    swedish = portal_client(portal_world.young, "sv")
    pages = {
        "front page": swedish.get(reverse("portal_home"), follow=True).content.decode(),
        "list": swedish.get(reverse("portal_peer")).content.decode(),
        "group": swedish.get(
            reverse("portal_peer_group", kwargs={"group_id": group.pk})
        ).content.decode(),
    }
    for page, html in pages.items():
        assert NAME["sv"] in html and NAME["fi"] not in html, page
    assert DESCRIPTION["sv"] in pages["group"] and MEETS["sv"] in pages["group"]
    assert DESCRIPTION["fi"] not in pages["group"] and MEETS["fi"] not in pages["group"]
    finnish = portal_client(portal_world.young, "fi").get(reverse("portal_peer")).content.decode()
    assert NAME["fi"] in finnish and NAME["sv"] not in finnish


def test_the_portal_in_english_without_an_english_name_shows_the_finnish_one(
    world: Any, teammate_a: Any, portal_world: PortalWorld
) -> None:
    _bilingual(world, teammate_a)
    html = portal_client(portal_world.young, "en").get(reverse("portal_peer")).content.decode()
    assert NAME["fi"] in html and NAME["sv"] not in html


def test_staff_read_the_group_in_their_language(
    world: Any, teammate_a: Any, developer_a: Any
) -> None:
    group = _bilingual(world, teammate_a)
    listing = _login("developer_a", "sv").get(reverse("peer_groups")).content.decode()
    page = _login("teammate_a", "sv").get(reverse("peer_group", kwargs={"group_id": group.pk}))
    assert NAME["sv"] in listing and NAME["fi"] not in listing
    assert MEETS["sv"] in page.content.decode() and DESCRIPTION["sv"] in page.content.decode()
    finnish = _login("developer_a", "fi").get(reverse("peer_groups")).content.decode()
    assert NAME["fi"] in finnish


def test_the_coordinator_creates_a_group_with_its_swedish_and_english_texts(
    world: Any, teammate_a: Any, developer_a: Any
) -> None:
    response = _login("developer_a").post(
        reverse("peer_group_new"),
        {
            "audience": "young_people",
            **_texts("fi"),
            **_texts("sv", suffix="_sv"),
            **_texts("en", suffix="_en"),
            "open_for_sign_up": "on",
            "facilitators": [str(teammate_a.pk)],
        },
    )
    assert response.status_code == 302
    group = PeerGroup.objects.get(county=world.county_a, name=NAME["fi"])
    assert (group.name_sv, group.description_sv, group.meets_sv) == (
        NAME["sv"],
        DESCRIPTION["sv"],
        MEETS["sv"],
    )
    assert (group.name_en, group.description_en, group.meets_en) == (
        NAME["en"],
        DESCRIPTION["en"],
        MEETS["en"],
    )


def test_a_facilitator_edits_the_variants_and_the_version_and_editor_are_kept(
    world: Any, teammate_a: Any
) -> None:
    group = _bilingual(world, teammate_a)
    client = _login("teammate_a")
    page = client.get(_edit_url(group)).content.decode()
    for field in ("name_sv", "name_en", "description_sv", "description_en", "meets_sv"):
        assert f'name="{field}"' in page, field
    assert NAME["sv"] in page and MEETS["sv"] in page  # the saved variants, to edit
    response = client.post(
        _edit_url(group), _form(group, name_en=NAME["en"], meets_sv="Tisdagar kl. 17")
    )
    assert response.status_code == 302
    group.refresh_from_db()
    assert (group.name_en, group.meets_sv, group.name_sv) == (
        NAME["en"],
        "Tisdagar kl. 17",
        NAME["sv"],
    )
    assert group.version == 1 and group.updated_by == teammate_a


def test_the_variants_sent_twice_are_saved_once_and_the_typed_text_is_kept(
    world: Any, teammate_a: Any
) -> None:
    group = _bilingual(world, teammate_a)
    opened = _form(group, name_sv="Ungdomsgruppen")
    client = _login("teammate_a")
    assert client.post(_edit_url(group), opened).status_code == 302
    again = client.post(_edit_url(group), {**opened, "description_sv": "Andra gången"})
    html = again.content.decode()
    assert again.status_code == 200
    assert gettext(OWN_STALE) in html and "Andra gången" in html  # what was typed is kept
    group.refresh_from_db()
    assert group.name_sv == "Ungdomsgruppen" and group.description_sv == DESCRIPTION["sv"]
    assert group.version == 1


def test_an_edit_that_leaves_a_variant_empty_removes_it_and_finnish_is_read(
    world: Any, teammate_a: Any, portal_world: PortalWorld
) -> None:
    group = _bilingual(world, teammate_a)
    services.peer_group_update(
        group=group,
        version=group.version,
        audience=group.audience,
        name=group.name,
        description=group.description,
        meets=group.meets,
        description_sv=DESCRIPTION["sv"],
        user=teammate_a,
    )
    group.refresh_from_db()
    assert (group.name_sv, group.meets_sv) == ("", "")
    html = (
        portal_client(portal_world.young, "sv")
        .get(reverse("portal_peer_group", kwargs={"group_id": group.pk}))
        .content.decode()
    )
    assert NAME["fi"] in html and MEETS["fi"] in html and DESCRIPTION["sv"] in html


def test_the_portals_list_is_in_the_order_of_the_readers_names(
    world: Any, teammate_a: Any, portal_world: PortalWorld
) -> None:
    first_in_finnish = _bilingual(world, teammate_a, name="Aamuryhmä", name_sv="Ungas morgongrupp")
    first_in_swedish = _bilingual(world, teammate_a, name="Nuorten ilta", name_sv="Ungas kväll")
    user = client_user_for_identity_code(portal_world.young.identity_code, method="demo")
    for language, first, second in (
        ("fi", first_in_finnish, first_in_swedish),
        ("sv", first_in_swedish, first_in_finnish),
    ):
        with translation.override(language):
            groups = selectors.portal_groups(user)
        names = [g.pk for g in groups if g.pk in (first.pk, second.pk)]
        assert names == [first.pk, second.pk], language


def test_each_text_of_the_form_is_marked_with_the_language_it_is_written_in(
    world: Any, developer_a: Any
) -> None:
    """On a Swedish page the Finnish name is still Finnish (and the English variant English):
    the browser checks its spelling and a screen reader reads it so. Found by the walk."""
    page = _login("developer_a", "sv").get(reverse("peer_group_new")).content.decode()
    for suffix, language in (("", "fi"), ("_sv", "sv"), ("_en", "en")):
        for field in ("name", "description", "meets"):
            tag = re.search(rf'<(input|textarea)[^>]*name="{field}{suffix}"[^>]*>', page)
            assert tag is not None and f'lang="{language}"' in tag.group(0), (field, suffix)
