"""The public form as a citizen and a busy school meet it: nothing typed is ever lost, the
emergency numbers and the privacy notice are there, the child's municipality finds the
county, and a child who cannot be named is recorded as told."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from monia.conftest import World
from monia.enotify import gate, services
from monia.enotify.models import ENotification
from monia.enotify.tests.conftest import school_nurse_post
from monia.teams.models import Municipality

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
TEXT = "Lapsi kertoi, ettei kotona ole ruokaa."
STAFF_TEXT = "Every view of client data is logged."


def form_url(world: World) -> str:
    return reverse("enotify_form", kwargs={"county_code": world.county_a.code})


def answered(response: Any, data: dict[str, Any], *, right: bool = True) -> dict[str, Any]:
    """The same data sent again with the question on the page answered."""
    form = response.context["form"]
    question = form.question
    assert question is not None
    total = question.a + question.b + (0 if right else 1)
    return {
        **data,
        "form_token": form.data["form_token"],
        "challenge": question.signed,
        "challenge_answer": str(total),
    }


# --- The limit that never loses a text ---------------------------------------------------


def test_a_busy_school_answers_a_question_and_its_notification_is_received(
    world: World, settings: Any
) -> None:
    settings.MONIA_ENOTIFY_RATE_HOUR = 1
    client = Client()
    client.post(form_url(world), school_nurse_post(), **EN)
    data = school_nurse_post()
    asked = client.post(form_url(world), data, **EN)
    body = asked.content.decode()
    assert asked.status_code == 200 and ENotification.objects.count() == 1
    assert TEXT in body and 'value="Terhi Terveydenhoitaja"' in body
    assert re.search(r"What is \d plus \d\?", body)
    wrong = client.post(form_url(world), answered(asked, data, right=False), **EN)
    assert "The answer was not right" in wrong.content.decode()
    assert TEXT in wrong.content.decode() and ENotification.objects.count() == 1
    assert wrong.context["form"].question != asked.context["form"].question  # a new one
    received = client.post(form_url(world), answered(wrong, data), follow=True, **EN)
    assert "Your notification was received" in received.content.decode()
    assert ENotification.objects.count() == 2


def test_one_form_sent_again_and_again_is_asked_then_refused(world: World) -> None:
    """A robot replaying one loaded form from many addresses: the form session counts."""
    client = Client()
    data = school_nurse_post()
    client.post(form_url(world), data, **EN)
    again = client.post(form_url(world), {**data, "submission_key": _key()}, **EN)
    assert again.context["form"].question is not None
    solved = answered(again, data)
    for n in range(gate.SESSION_CEILING - 1):
        sent = {**solved, "submission_key": _key()}
        response = client.post(form_url(world), sent, REMOTE_ADDR=f"10.0.0.{n}", **EN)
        assert response.status_code == 302
    refused = client.post(form_url(world), {**solved, "submission_key": _key()}, **EN)
    assert refused.status_code == 429
    assert ENotification.objects.count() == gate.SESSION_CEILING


def test_past_the_ceiling_the_filled_form_comes_back_with_the_numbers_to_call(
    world: World, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    world.county_a.social_emergency_phone = "014 266 0149"
    world.county_a.save()
    settings.MONIA_ENOTIFY_RATE_HOUR = 1
    monkeypatch.setattr(gate, "ADDRESS_CEILING_FACTOR", 2)
    client = Client()
    client.post(form_url(world), school_nurse_post(), **EN)
    data = school_nurse_post()
    asked = client.post(form_url(world), data, **EN)
    assert client.post(form_url(world), answered(asked, data), **EN).status_code == 302
    response = client.post(form_url(world), school_nurse_post(), **EN)
    body = response.content.decode()
    assert response.status_code == 429
    assert "Your notification has not been sent yet" in body
    assert TEXT in body and 'value="Esimerkki"' in body  # everything typed is on the page
    assert "014 266 0149" in body and "112" in body
    assert ENotification.objects.count() == 2


def test_a_form_without_a_valid_session_is_asked_and_gets_a_new_session(world: World) -> None:
    data = school_nurse_post(form_token="forged")
    asked = Client().post(form_url(world), data, **EN)
    form = asked.context["form"]
    assert form.question is not None and ENotification.objects.count() == 0
    assert gate.form_session_of(form.data["form_token"])  # the page carries a new token
    received = Client().post(form_url(world), answered(asked, data), **EN)
    assert received.status_code == 302 and ENotification.objects.get().form_session


def test_the_honeypot_still_stores_nothing(world: World) -> None:
    Client().post(form_url(world), school_nurse_post(website="http://spam.example"))
    assert ENotification.objects.count() == 0


def _key() -> str:
    import uuid

    return str(uuid.uuid4())


# --- A child who cannot be named -----------------------------------------------------------


def test_a_child_who_cannot_be_named_is_recorded_as_told(world: World) -> None:
    data = school_nurse_post(
        notifier_type="anonymous",
        child_first_names="",
        child_last_name="",
        child_identity_code="",
        child_approximate_age="8",
        child_address="Koulukatu 5 B 12",
        child_description="Poika, noin kahdeksan, tummat hiukset; usein yksin pihalla iltaisin.",
    )
    response = Client().post(form_url(world), data, follow=True, **EN)
    assert "Your notification was received" in response.content.decode()
    en = ENotification.objects.get()
    assert (en.child_first_names, en.child_last_name, en.child_identity_code) == ("", "", "")
    assert en.child_approximate_age == 8 and en.child_address == "Koulukatu 5 B 12"
    assert en.child_description.startswith("Poika, noin kahdeksan")


def test_the_intake_keeps_the_description_of_a_child_not_named(world: World) -> None:
    en = services.enotification_submit(
        county=world.county_a,
        ip_hash="cd" * 32,
        submission_key=__import__("uuid").uuid4(),
        kind="notification",
        notifier_type="anonymous",
        content=TEXT,
        child_approximate_age=8,
        child_address="Koulukatu 5 B 12",
        child_description="Tummat hiukset.",
    )
    with translation.override("en"):
        data = services._intake_data(en, team=world.team_a1)
    assert "about 8 years old; Koulukatu 5 B 12; Tummat hiukset." in data["content"]


def test_nothing_about_the_child_is_refused_with_what_to_tell(world: World) -> None:
    data = school_nurse_post(child_first_names="", child_last_name="", child_identity_code="")
    response = Client().post(form_url(world), data, **EN)
    body = response.content.decode()
    assert "If you do not know it, describe the child" in body
    assert TEXT in body and ENotification.objects.count() == 0


def test_the_approximate_age_is_that_of_a_child(world: World) -> None:
    data = school_nurse_post(child_approximate_age="18")
    response = Client().post(form_url(world), data, **EN)
    assert response.context["form"].has_error("child_approximate_age")
    assert ENotification.objects.count() == 0


def test_the_staff_see_the_description_in_the_queue_and_on_the_notification(
    world: World, worker_a: Any
) -> None:
    from monia.conftest import login

    data = school_nurse_post(
        child_first_names="",
        child_last_name="",
        child_identity_code="",
        child_approximate_age="8",
        child_address="Koulukatu 5 B 12",
    )
    Client().post(form_url(world), data, **EN)
    en = ENotification.objects.get()
    client = login("worker_a")
    queue = client.get(reverse("enotify_queue"), **EN).content.decode()
    assert "Name not known" in queue and "about 8 years" in queue
    detail = client.get(reverse("enotify_detail", args=[en.pk]), **EN).content.decode()
    assert "Koulukatu 5 B 12" in detail and "about 8 years" in detail


# --- What every public page says -------------------------------------------------------------


def _public_pages(world: World, client: Client) -> list[str]:
    code = world.county_a.code
    client.post(form_url(world), school_nurse_post())
    return [
        reverse("enotify_counties"),
        form_url(world),
        reverse("enotify_privacy", kwargs={"county_code": code}),
        reverse("enotify_received", kwargs={"county_code": code}),
    ]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_public_pages_show_no_staff_text_and_give_the_emergency_numbers(
    world: World, language: str
) -> None:
    world.county_a.social_emergency_phone = "014 266 0149"
    world.county_a.save()
    client = Client()
    for url in _public_pages(world, client):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        body = response.content.decode()
        assert response.status_code == 200, url
        assert "käyttölokiin" not in body and STAFF_TEXT not in body, url
        assert 'href="tel:112"' in body, url
        if url != reverse("enotify_counties"):
            assert 'href="tel:0142660149"' in body, url
            assert reverse("enotify_privacy", args=[world.county_a.code]) in body, url


def test_without_a_county_number_the_form_says_112_reaches_the_emergency_social_services(
    world: World,
) -> None:
    body = Client().get(form_url(world), **EN).content.decode()
    assert "answer through the emergency number 112" in body


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("fi", "Tietosuojaseloste"),
        ("sv", "Dataskyddsbeskrivning"),
        ("en", "Privacy notice"),
    ],
)
def test_the_privacy_notice_names_the_county_as_controller(
    world: World, language: str, heading: str
) -> None:
    url = reverse("enotify_privacy", kwargs={"county_code": world.county_a.code})
    body = Client().get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert heading in body
    assert world.county_a.controller in body


def test_the_privacy_notice_of_an_unknown_county_is_404(db: None) -> None:
    assert Client().get(reverse("enotify_privacy", args=["nowhere"])).status_code == 404


# --- The child's municipality finds the county ------------------------------------------------


def test_choosing_the_municipality_opens_its_countys_form_with_it_filled(world: World) -> None:
    vaasa = Municipality.objects.create(county=world.county_a, name_fi="Vaasa", name_sv="Vasa")
    client = Client()
    page = client.get(reverse("enotify_counties"), HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert f'<option value="{vaasa.pk}">Vasa</option>' in page
    chosen = client.get(reverse("enotify_counties"), {"municipality": vaasa.pk})
    assert chosen.status_code == 302
    assert chosen["Location"] == f"{form_url(world)}?municipality={vaasa.pk}"
    form = client.get(chosen["Location"], HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert 'value="Vasa"' in form
    finnish = client.get(chosen["Location"], HTTP_ACCEPT_LANGUAGE="fi").content.decode()
    assert 'value="Vaasa"' in finnish


def test_an_unknown_municipality_shows_the_list_again_with_a_message(world: World) -> None:
    Municipality.objects.create(county=world.county_a, name_fi="Vaasa", name_sv="Vasa")
    for value in ("", "999999", "x"):
        response = Client().get(reverse("enotify_counties"), {"municipality": value}, **EN)
        assert response.status_code == 200
        assert "municipality from the list." in response.content.decode()


def test_a_municipality_of_another_county_fills_nothing(world: World) -> None:
    other = Municipality.objects.create(county=world.county_b, name_fi="Muu", name_sv="Annan")
    body = Client().get(form_url(world), {"municipality": other.pk}, **EN).content.decode()
    assert 'value="Muu"' not in body


def test_the_municipality_list_costs_two_queries_however_long(
    world: World, django_assert_num_queries: Any
) -> None:
    for n in range(30):
        Municipality.objects.create(county=world.county_a, name_fi=f"Kunta {n}", name_sv=f"K {n}")
    with django_assert_num_queries(2):
        Client().get(reverse("enotify_counties"))


def test_without_municipalities_the_counties_are_listed(world: World) -> None:
    body = Client().get(reverse("enotify_counties"), **EN).content.decode()
    assert "Choose the child's wellbeing services county" in body
    assert form_url(world) in body


# --- When someone reads it ------------------------------------------------------------------


def _received_page(world: World, monkeypatch: pytest.MonkeyPatch, moment: Any, lang: str) -> str:
    from monia.portal import safety_selectors

    monkeypatch.setattr(safety_selectors, "clock", lambda: moment)
    client = Client()
    client.post(form_url(world), school_nurse_post())
    url = reverse("enotify_received", kwargs={"county_code": world.county_a.code})
    return client.get(url, HTTP_ACCEPT_LANGUAGE=lang).content.decode()


def test_on_a_sunday_night_the_receipt_says_when_a_social_worker_reads_it(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nobody reads the queue before the office opens: "assesses at once" was not true."""
    from monia.deadlines import HELSINKI

    world.county_a.social_emergency_phone = "014 266 0149"
    world.county_a.save()
    sunday_night = datetime.datetime(2026, 12, 6, 23, 30, tzinfo=HELSINKI)
    page = _received_page(world, monkeypatch, sunday_night, "sv")
    assert "Socialarbetarna är inte på jobbet nu." in page
    assert "tillbaka på jobbet måndag 7.12. klockan 8.00" in page
    assert "ring socialjouren, som har öppet dag och natt: 014 266 0149" in page
    assert "En socialarbetare bedömer genast" not in page


def test_in_office_hours_the_receipt_says_a_social_worker_assesses_at_once(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    from monia.deadlines import HELSINKI

    monday_morning = datetime.datetime(2026, 12, 7, 10, 0, tzinfo=HELSINKI)
    page = _received_page(world, monkeypatch, monday_morning, "en")
    assert "A social worker assesses at once whether the child needs urgent help." in page
    assert "not at work now" not in page


@pytest.mark.parametrize(
    ("language", "told"),
    [
        ("fi", "Jos annat nimesi, perhe voi nähdä sen lukiessaan oman asiansa asiakirjoja."),
        ("sv", "Om du uppger ditt namn kan familjen se det när de läser handlingarna"),
        ("en", "If you give your name, the family may see it when they read the documents"),
    ],
)
def test_before_sending_a_notifier_who_gives_a_name_is_told_the_family_may_read_it(
    world: World, language: str, told: str
) -> None:
    # The privacy notice says so; the form, where the choice is made, said only what
    # staying anonymous means.
    body = Client().get(form_url(world), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert told in body
