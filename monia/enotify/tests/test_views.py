from __future__ import annotations

import datetime
import uuid
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from monia import deadlines
from monia.access.models import AccessLog
from monia.casework.models import Intake
from monia.conftest import World
from monia.conftest import login as logged_in
from monia.enotify import services
from monia.enotify.models import ENotification, ENotificationAccess
from monia.enotify.tests.conftest import school_nurse_post
from monia.people import hetu

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def form_url(world: World) -> str:
    return reverse("enotify_form", kwargs={"county_code": world.county_a.code})


def post(client: Client, world: World, data: dict[str, Any], **extra: Any) -> Any:
    return client.post(form_url(world), data, follow=True, **EN, **extra)


def test_public_pages_need_no_login(world: World) -> None:
    client = Client()
    counties = client.get(reverse("enotify_counties"), **EN)
    assert counties.status_code == 200 and "Alue A" in counties.content.decode()
    assert client.get(form_url(world), **EN).status_code == 200


def test_unknown_county_is_404(world: World) -> None:
    url = reverse("enotify_form", kwargs={"county_code": "nowhere"})
    assert Client().get(url).status_code == 404


def test_obligated_notification_is_stored_and_the_reference_shown(world: World) -> None:
    response = post(Client(), world, school_nurse_post())
    en = ENotification.objects.get()
    assert response.status_code == 200
    assert en.reference in response.content.decode()
    assert en.notifier_type == "obligated" and en.notifier_name == "Terhi Terveydenhoitaja"
    assert en.child_identity_code and en.status == "new"
    assert len(en.ip_hash) == 64 and "127.0.0.1" not in en.ip_hash
    assert "seven working days" in response.content.decode()


def test_references_are_unique_and_not_sequential_only(world: World) -> None:
    client = Client()
    for _ in range(3):
        post(client, world, school_nurse_post())
    refs = list(ENotification.objects.values_list("reference", flat=True))
    assert len(set(refs)) == 3
    year = timezone.localdate().year
    for ref in refs:
        prefix, y, number, suffix = ref.split("-")
        assert (prefix, y, len(number), len(suffix)) == ("LS", str(year), 6, 6)


def test_anonymous_private_notification_stores_no_identity(world: World) -> None:
    data = school_nurse_post(
        notifier_type="anonymous",
        notifier_name="Naapuri Niilo",
        notifier_organisation="Kerrostalo",
        notifier_phone="050 111 2222",
        notifier_email="niilo@example.org",
    )
    response = post(Client(), world, data)
    assert response.status_code == 200
    en = ENotification.objects.get()
    assert en.notifier_type == "anonymous"
    assert (en.notifier_name, en.notifier_organisation, en.notifier_phone, en.notifier_email) == (
        "",
        "",
        "",
        "",
    )
    assert en.notifier_sector == ""


def test_obligated_without_contact_details_is_refused_and_nothing_saved(world: World) -> None:
    data = school_nurse_post(notifier_phone="", notifier_email="")
    response = post(Client(), world, data)
    body = response.content.decode()
    assert "A professional must give a phone number or an e-mail address." in body
    assert "Lapsi kertoi, ettei kotona ole ruokaa." in body  # what was typed is kept
    assert ENotification.objects.count() == 0


def test_invalid_identity_code_is_refused(world: World) -> None:
    response = post(Client(), world, school_nurse_post(child_identity_code="140316A902X"))
    assert "check character does not match" in response.content.decode()
    assert ENotification.objects.count() == 0


def test_content_over_ten_thousand_characters_is_refused(world: World) -> None:
    response = post(Client(), world, school_nurse_post(content="x" * 10_001))
    assert response.status_code == 200
    assert "10000" in response.content.decode() or "10 000" in response.content.decode()
    assert ENotification.objects.count() == 0


def test_messages_are_in_the_users_language(world: World) -> None:
    data = school_nurse_post(content="")
    response = Client().post(form_url(world), data, HTTP_ACCEPT_LANGUAGE="fi")
    assert 'lang="fi"' in response.content.decode()
    assert ENotification.objects.count() == 0


def test_pre_birth_needs_expected_date_and_no_identity_code(world: World) -> None:
    response = post(Client(), world, school_nurse_post(kind="pre_birth"))
    assert "leave the identity code" in response.content.decode()
    expected = (timezone.localdate() + datetime.timedelta(days=60)).isoformat()
    post(
        Client(),
        world,
        school_nurse_post(
            kind="pre_birth",
            child_identity_code="",
            child_first_names="",
            child_last_name="",
            child_expected_birth_date=expected,
        ),
    )
    assert ENotification.objects.get().kind == "pre_birth"


def test_private_person_cannot_make_a_request_with_the_family(world: World) -> None:
    response = post(
        Client(), world, school_nurse_post(kind="request_with_family", notifier_type="private")
    )
    assert "are made by professionals" in response.content.decode()
    assert ENotification.objects.count() == 0


def test_repeat_with_the_same_submission_key_stores_once(world: World) -> None:
    client = Client()
    data = school_nurse_post()
    first = post(client, world, data)
    second = post(client, world, data)
    en = ENotification.objects.get()
    assert en.reference in first.content.decode() and en.reference in second.content.decode()


def test_a_busy_address_is_asked_a_question_not_refused(world: World, settings: Any) -> None:
    """Changed with issue 10: the hourly limit of one address asks the human question
    (the form comes back filled) instead of answering 429 with the text lost."""
    settings.MONIA_ENOTIFY_RATE_HOUR = 2
    client = Client()
    for _ in range(2):
        assert post(client, world, school_nurse_post()).status_code == 200
    response = client.post(form_url(world), school_nurse_post(), **EN)
    assert response.status_code == 200
    assert "answer the question below" in response.content.decode()
    assert "Lapsi kertoi, ettei kotona ole ruokaa." in response.content.decode()
    assert ENotification.objects.count() == 2
    # Another sender is not asked.
    other = post(Client(), world, school_nurse_post(), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 200 and ENotification.objects.count() == 3


def test_daily_limit_asks_the_question(world: World, settings: Any) -> None:
    settings.MONIA_ENOTIFY_RATE_DAY = 1
    client = Client()
    post(client, world, school_nurse_post())
    response = client.post(form_url(world), school_nurse_post(), **EN)
    assert response.status_code == 200 and response.context["form"].question is not None
    assert ENotification.objects.count() == 1


def test_honeypot_filled_stores_nothing_but_looks_received(world: World) -> None:
    response = post(Client(), world, school_nurse_post(website="http://spam.example"))
    body = response.content.decode()
    assert response.status_code == 200 and "Your notification was received" in body
    assert "LS-" in body
    assert ENotification.objects.count() == 0


def test_police_report_reminder_for_obligated_and_crime_suspected(world: World) -> None:
    response = post(Client(), world, school_nurse_post(crime_suspected="on"))
    body = response.content.decode()
    assert "Remember the police report" in body
    assert "does not replace the police report" in body


def test_no_police_reminder_for_private_person(world: World) -> None:
    response = post(
        Client(), world, school_nurse_post(notifier_type="anonymous", crime_suspected="on")
    )
    assert "Remember the police report" not in response.content.decode()


def test_csrf_is_enforced(world: World) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post(form_url(world), school_nurse_post())
    assert response.status_code == 403
    assert ENotification.objects.count() == 0


def test_received_page_without_a_submission_goes_to_the_form(world: World) -> None:
    url = reverse("enotify_received", kwargs={"county_code": world.county_a.code})
    response = Client().get(url)
    assert response.status_code == 302 and response["Location"] == form_url(world)


# --- Staff ------------------------------------------------------------------


def _submit(world: World, **extra: Any) -> ENotification:
    data = school_nurse_post(**extra)
    data.pop("website")
    data.pop("form_token")
    for field in ("child_birth_date", "child_expected_birth_date"):
        data[field] = data[field] or None
    data["crime_suspected"] = bool(data.get("crime_suspected"))
    data["submission_key"] = uuid.UUID(data["submission_key"])
    return services.enotification_submit(county=world.county_a, ip_hash="ab" * 32, **data)


def test_queue_lists_the_countys_new_notifications_and_logs_the_read(
    world: World, worker_a: Any, django_assert_max_num_queries: Any
) -> None:
    en = _submit(world)
    client = logged_in("worker_a")
    response = client.get(reverse("enotify_queue"), **EN)
    assert response.status_code == 200
    body = response.content.decode()
    assert en.reference in body
    due = deadlines.assessment_decision_due(en.received_at)
    assert f"{due.day}.{due.month}.{due.year}" in body
    assert ENotificationAccess.objects.filter(user=worker_a, enotification=en).count() == 1


def test_queue_query_count_is_flat(
    world: World, worker_a: Any, django_assert_num_queries: Any
) -> None:
    client = logged_in("worker_a")
    _submit(world)
    with django_assert_num_queries(7) as one:  # incl. the header's unread-notification count
        client.get(reverse("enotify_queue"))
    for _ in range(4):
        _submit(world)
    with django_assert_num_queries(len(one.captured_queries)):
        client.get(reverse("enotify_queue"))


def test_overdue_notifications_are_marked(world: World, worker_a: Any) -> None:
    en = _submit(world)
    ENotification.objects.filter(pk=en.pk).update(
        received_at=timezone.now() - datetime.timedelta(days=20)
    )
    body = logged_in("worker_a").get(reverse("enotify_queue"), **EN).content.decode()
    assert "status-overdue" in body


@pytest.mark.parametrize("persona", ["other_county", "admin"])
def test_staff_of_another_county_and_admins_get_404(
    world: World, persona: str, request: pytest.FixtureRequest
) -> None:
    request.getfixturevalue(persona)
    en = _submit(world)
    client = logged_in(persona)
    url = reverse("enotify_detail", kwargs={"enotification_id": en.pk})
    assert client.get(url).status_code == 404
    queue = client.get(reverse("enotify_queue"))
    assert queue.status_code == 404 or en.reference not in queue.content.decode()
    assert not ENotificationAccess.objects.exists()


def test_other_county_worker_queue_is_empty(world: World, other_county: Any) -> None:
    en = _submit(world)
    body = logged_in("other_county").get(reverse("enotify_queue")).content.decode()
    assert en.reference not in body


def test_missing_and_forbidden_look_the_same(world: World, other_county: Any) -> None:
    en = _submit(world)
    client = logged_in("other_county")
    forbidden = client.get(reverse("enotify_detail", kwargs={"enotification_id": en.pk}))
    missing = client.get(reverse("enotify_detail", kwargs={"enotification_id": en.pk + 999}))
    assert forbidden.status_code == missing.status_code == 404
    assert forbidden.content == missing.content


def test_staff_pages_need_login(world: World) -> None:
    en = _submit(world)
    for url in (
        reverse("enotify_queue"),
        reverse("enotify_detail", kwargs={"enotification_id": en.pk}),
    ):
        response = Client().get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]


def test_detail_shows_content_and_logs_the_read(world: World, worker_a: Any) -> None:
    en = _submit(world)
    url = reverse("enotify_detail", kwargs={"enotification_id": en.pk})
    response = logged_in("worker_a").get(url, **EN)
    assert "Lapsi kertoi" in response.content.decode()
    access = ENotificationAccess.objects.get()
    assert (access.user, access.enotification, access.purpose) == (
        worker_a,
        en,
        "enotify_detail",
    )


def test_conversion_creates_an_intake_counted_from_submission(world: World, worker_a: Any) -> None:
    en = _submit(world, crime_suspected="on")
    received = timezone.now() - datetime.timedelta(days=3)
    ENotification.objects.filter(pk=en.pk).update(received_at=received)
    url = reverse("enotify_detail", kwargs={"enotification_id": en.pk})
    client = logged_in("worker_a")
    page = client.get(url, **EN).content.decode()
    assert 'value="Esimerkki"' in page  # the new-child form is filled from the notification
    response = client.post(
        url,
        {
            "action": "convert",
            "child-identity_code": en.child_identity_code,
            "child-first_names": "Aino",
            "child-last_name": "Esimerkki",
            "child-language": "fi",
            "child-gender": "female",
            "child-municipality": "Kuopio",
        },
        **EN,
    )
    intake = Intake.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("case_detail", kwargs={"case_id": intake.case_id})
    assert intake.channel == "electronic"
    assert intake.received_at == received
    assert intake.decision_due == deadlines.assessment_decision_due(received)
    assert intake.notifier_name == "Terhi Terveydenhoitaja" and intake.notifier_sector == "school"
    assert intake.police_report_suspected is True
    assert intake.case.team == world.team_a1
    en.refresh_from_db()
    assert en.status == "converted" and en.intake == intake and en.handled_by == worker_a
    # Repeating the conversion records nothing new.
    client.post(url, {"action": "convert", "person": intake.case.child_id})
    assert Intake.objects.count() == 1


def test_conversion_uses_the_countys_intake_team(world: World, worker_a: Any) -> None:
    world.county_a.intake_team = world.team_a2
    world.county_a.save()
    en = _submit(world)
    child = _existing_child(world)
    url = reverse("enotify_detail", kwargs={"enotification_id": en.pk})
    response = logged_in("worker_a").post(url, {"action": "convert", "person": child.pk})
    intake = Intake.objects.get()
    assert intake.case.team == world.team_a2 and intake.case.child == child
    # Worker A is not in team A2: back to the queue, not into a case they cannot see.
    assert response["Location"] == reverse("enotify_queue")


def test_find_the_child_by_search_logs_the_persons_shown(world: World, worker_a: Any) -> None:
    en = _submit(world)
    child = _existing_child(world)
    url = reverse("enotify_detail", kwargs={"enotification_id": en.pk})
    # Not a family of worker A's team: found by the full name and the birth date (issue 11).
    q = f"Aino Esimerkki {child.birth_date:%d.%m.%Y}"
    response = logged_in("worker_a").post(
        url, {"search": "1", "q": q, "child-municipality": "Kuopion kaupunki"}, **EN
    )
    html = response.content.decode()
    # The child found is a choice inside the conversion form; what was typed is kept.
    assert f'name="person" value="{child.pk}"' in html
    assert 'value="Kuopion kaupunki"' in html
    assert AccessLog.objects.filter(person=child, purpose="enotify_child_search").exists()


def test_reject_as_spam(world: World, worker_a: Any) -> None:
    en = _submit(world)
    url = reverse("enotify_detail", kwargs={"enotification_id": en.pk})
    response = logged_in("worker_a").post(url, {"action": "reject"})
    assert response.status_code == 302
    en.refresh_from_db()
    assert en.status == "rejected_spam" and en.intake is None


def test_dashboard_counts_waiting_notifications(world: World, worker_a: Any) -> None:
    _submit(world)
    _submit(world)
    body = logged_in("worker_a").get(reverse("dashboard"), **EN).content.decode()
    assert reverse("enotify_queue") in body
    assert "e-notifications waiting" in body


def _existing_child(world: World) -> Any:
    from monia.conftest import child_create

    return child_create(world.county_a, number=903)


def test_converting_for_an_adult_is_refused_with_the_message_on_the_choice(
    world: World, worker_a: Any
) -> None:
    from monia.people.services import person_create

    en = _submit(world)
    adult = person_create(
        county=world.county_a,
        first_names="Maija",
        last_name="Esimerkki",
        identity_code=hetu.make_synthetic(datetime.date(1985, 5, 5), 950),
    )
    url = reverse("enotify_detail", kwargs={"enotification_id": en.pk})
    response = logged_in("worker_a").post(url, {"action": "convert", "person": adult.pk}, **EN)
    assert response.status_code == 200
    assert "Only a child under 18 can be the child of an intake" in response.content.decode()
    en.refresh_from_db()
    assert en.status == "new" and not Intake.objects.exists()


def test_converting_into_a_new_child_warns_of_a_likely_duplicate_until_confirmed(
    world: World, worker_a: Any
) -> None:
    existing = _existing_child(world)
    en = _submit(world)
    url = reverse("enotify_detail", kwargs={"enotification_id": en.pk})
    new_child = {
        "action": "convert",
        "child-first_names": "Aino",
        "child-last_name": "Esimerkki",
        "child-birth_date": existing.birth_date.isoformat(),
        "child-language": "fi",
        "child-gender": "female",
        "child-municipality": "Kuopio",
    }
    client = logged_in("worker_a")
    response = client.post(url, new_child, **EN)
    html = response.content.decode()
    assert response.status_code == 200 and not Intake.objects.exists()
    # The person the register has is offered as a choice, and what was typed is kept.
    assert f'name="person" value="{existing.pk}"' in html
    assert 'name="create_anyway"' in html and 'value="Kuopio"' in html
    client.post(url, {**new_child, "create_anyway": "on"}, **EN)
    intake = Intake.objects.get()
    assert intake.case.child != existing
