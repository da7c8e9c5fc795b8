"""Walk every URL pattern with every persona: a new URL without a rule fails here."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from monia.access.url_rules import NAMESPACE_RULES, URL_RULES, Rule
from monia.conftest import PASSWORD, CaseWorld


def _walk(patterns: list[Any], namespace: str | None = None) -> list[tuple[str | None, str]]:
    found: list[tuple[str | None, str]] = []
    for p in patterns:
        if isinstance(p, URLResolver):
            found += _walk(p.url_patterns, p.namespace or namespace)
        elif isinstance(p, URLPattern):
            found.append((namespace, p.name or f"<unnamed {p.pattern}>"))
    return found


ALL_PATTERNS = _walk(get_resolver().url_patterns)


def test_every_url_pattern_has_an_access_rule() -> None:
    missing = [
        f"{ns}:{name}" if ns else name
        for ns, name in ALL_PATTERNS
        if (ns not in NAMESPACE_RULES) and name not in URL_RULES
    ]
    assert missing == [], f"URL patterns without an access rule: {missing}"


def test_rule_table_names_only_existing_urls() -> None:
    names = {name for ns, name in ALL_PATTERNS if ns is None}
    assert set(URL_RULES) <= names


CASE_RULES = {
    Rule.CASE_VIEW,
    Rule.CASE_RECORD,
    Rule.CASE_DECIDE,
    Rule.CASE_PROTECTED,
    Rule.CASE_ARCHIVE,
}
CASE_URLS = sorted(name for name, rule in URL_RULES.items() if rule in CASE_RULES)


def _kwargs(name: str, cw: CaseWorld) -> dict[str, int]:
    kwargs = {"case_id": cw.case.pk}
    if name.startswith("intake_"):
        kwargs["intake_id"] = cw.pending_intake.pk
    if name.startswith("assessment_"):
        kwargs["assessment_id"] = cw.open_assessment.pk
    if name in ("measure_extend", "measure_end"):
        kwargs["measure_id"] = cw.emergency.pk
    if name == "expert_statement":
        kwargs["expert_case_id"] = _expert_case(cw).pk
    if name == "referral_advance":
        kwargs["referral_id"] = _referral(cw).pk
    if name.startswith("network_meeting_"):
        kwargs["meeting_id"] = _network_meeting(cw).pk
    if name in ("person_correct", "contact_detail_new", "non_disclosure_set"):
        kwargs["person_id"] = cw.case.child_id
    if name == "contact_detail_correct":
        kwargs["person_id"] = cw.case.child_id
        kwargs["detail_id"] = _contact_detail(cw).pk
    if name == "relationship_correct":
        kwargs["relationship_id"] = cw.case.child.ties_to.order_by("pk").first().pk
    if name == "case_message_thread":
        kwargs["thread_id"] = _message_thread(cw).pk
    if name == "case_attachment":
        kwargs["attachment_id"] = _attachment(cw).pk
    if name in ("note_detail", "note_amend"):
        kwargs["note_id"] = _signed_note(cw).pk
    if name in ("letter_detail", "letter_detail_pdf"):
        kwargs["letter_id"] = _letter(cw).pk
    if name.startswith("decision_") and name not in ("decision_list", "decision_new"):
        decision = _decision(cw, draft=name == "decision_edit")
        kwargs["decision_id"] = decision.pk
        if name.startswith("decision_letter"):
            kwargs["party_id"] = decision.parties.first().pk
    if name == "archive_export_zip":
        kwargs["export_id"] = _archive_export(cw).pk
    # One-button changes on a record of the case in a state the button cannot change: the
    # service refuses with a message (a missing record answers 404: test_nested_ids).
    if name == "case_portal_document_show":
        kwargs["restriction_id"] = _declined_restriction(cw).pk
    if name == "case_portal_alert_handle":
        kwargs["alert_id"] = _alert(cw).pk
    return kwargs


def _declined_restriction(cw: CaseWorld) -> Any:
    from django.utils import timezone

    from monia.portal.models import GuardianRestriction, RestrictionStatus

    guardian = cw.case.child.ties_to.order_by("pk").first().from_person
    return GuardianRestriction.objects.create(
        case=cw.case,
        document_key="plan:1",
        guardian=guardian,
        status=RestrictionStatus.DECLINED,
        reason="Nuori ei ole vaarassa.",
        restricted_by=cw.case.designated_worker,
        restricted_at=timezone.now(),
    )


def _alert(cw: CaseWorld) -> Any:
    from monia.portal.models import SafetyAlert

    return SafetyAlert.objects.create(case=cw.case, raised_by=cw.case.designated_worker)


def _decision(cw: CaseWorld, *, draft: bool) -> Any:
    from monia.decisions.testing import draft_for, signed_for

    worker = cw.case.designated_worker
    assert worker is not None
    return (draft_for if draft else signed_for)(cw.case, worker)


def _attachment(cw: CaseWorld) -> Any:
    from monia.attachments.testing import PDF_BYTES, upload
    from monia.casework.attachment_services import intake_attachment_add

    return intake_attachment_add(
        user=cw.case.designated_worker,  # type: ignore[arg-type]
        intake=cw.pending_intake,
        upload=upload("liite.pdf", PDF_BYTES),
    )


def _archive_export(cw: CaseWorld) -> Any:
    from monia.accounts.models import Role, User
    from monia.archive.services import archive_export_build, archive_export_request
    from monia.conftest import make_user

    senior = User.objects.filter(username="senior_a").first() or make_user(
        "senior_a", Role.SENIOR_OFFICIAL, cw.case.county, None
    )
    export = archive_export_request(user=senior, case_id=cw.case.pk)
    return archive_export_build(export_id=export.pk)


def _contact_detail(cw: CaseWorld) -> Any:
    from monia.people.models import ContactDetail

    detail = ContactDetail.objects.filter(person=cw.case.child).first()
    return detail or ContactDetail.objects.create(
        person=cw.case.child, kind="phone", value="040 123 4567", added_by=cw.case.designated_worker
    )


def _signed_note(cw: CaseWorld) -> Any:
    from django.utils import timezone

    from monia.casework import note_services

    worker = cw.case.designated_worker
    assert worker is not None
    note, _ = note_services.note_create(
        user=worker,
        case=cw.case,
        note_type="19005",
        data={"occurred_on": timezone.localdate(), "discussed": "Puhelu äidin kanssa."},
    )
    return note_services.note_sign(user=worker, note=note, lock_version=note.lock_version)


def _letter(cw: CaseWorld) -> Any:
    """A letter sent to the child's guardian (monia/letters)."""
    from django.utils import timezone

    from monia.letters import build, services
    from monia.letters.recipients import recipients_for

    worker = cw.case.designated_worker
    assert worker is not None
    recipient = recipients_for(cw.case, on=timezone.localdate())[0]
    document = build.notification_received_letter(
        intake=cw.pending_intake, recipient=recipient, sender=worker
    )
    return services.letter_send(
        user=worker,
        case=cw.case,
        kind="notification_received",
        recipient=recipient.person,
        document=document,
        channel="post",
        sent_on=timezone.localdate(),
    )


def _message_thread(cw: CaseWorld) -> Any:
    from monia.dialogue.models import MessageThread

    return MessageThread.objects.create(case=cw.case, client=cw.case.child)


def _expert_case(cw: CaseWorld) -> Any:
    from django.utils import timezone

    from monia.experts import services

    group = services.expert_group_create(county=cw.case.county, name="Asiantuntijaryhmä")
    session = services.expert_session_create(
        group=group, held_on=timezone.localdate(), location="Kuopio"
    )
    return services.expert_case_present(
        user=cw.case.designated_worker,
        session=session,
        case=cw.case,
        mode="pseudonymised",
        pseudonym="Tyttö, 9",
        question="Mitä suosittelette?",
    )


def _referral(cw: CaseWorld) -> Any:
    import datetime

    from django.utils import timezone

    from monia.network import referral_services
    from monia.network.models import Organisation

    clinic = Organisation.objects.create(
        county=cw.case.county, name="Nuorisopsykiatria", sector="child_psychiatry"
    )
    return referral_services.referral_create(
        user=cw.case.designated_worker,
        case=cw.case,
        organisation=clinic,
        service="Nuorisopsykiatrinen arvio",
        need_identified_on=timezone.localdate() - datetime.timedelta(days=3),
        referred_at=timezone.now() - datetime.timedelta(days=2),
    )


def _network_meeting(cw: CaseWorld) -> Any:
    import datetime

    from django.utils import timezone

    from monia.netmeet import services

    return services.meeting_plan(
        user=cw.case.designated_worker,
        case=cw.case,
        held_at=timezone.now() + datetime.timedelta(days=7),
        place="Sosiaalitoimisto",
        agenda="Koulunkäynnin tuki",
    )


def _client_for(username: str | None) -> Client:
    client = Client()
    if username:
        assert client.login(username=username, password=PASSWORD)
    return client


# Who gets the page (200) under each rule; everyone else logged in gets 404.
ALLOWED = {
    Rule.CASE_VIEW: {"worker_a", "teammate_a", "family_worker_a", "senior_a", "coordinator_a"},
    Rule.CASE_RECORD: {"worker_a", "teammate_a", "family_worker_a", "senior_a"},
    Rule.CASE_DECIDE: {"worker_a", "teammate_a", "senior_a"},
    Rule.CASE_PROTECTED: {"worker_a", "teammate_a"},
    Rule.CASE_ARCHIVE: {"senior_a"},
}
PERSONAS = [
    "worker_a",
    "teammate_a",
    "family_worker_a",
    "senior_a",
    "coordinator_a",
    "other_team",
    "other_county",
    "admin",
    "partner",
    # The development network's roles (issue 16): neither staff nor clients, no client data.
    "developer_a",
    "expert_by_experience",
]


@pytest.mark.parametrize("name", CASE_URLS)
def test_case_urls_answer_each_persona_by_the_rule(
    name: str, case_a: CaseWorld, request: pytest.FixtureRequest
) -> None:
    for persona in PERSONAS:
        request.getfixturevalue(persona)
    url = reverse(name, kwargs=_kwargs(name, case_a))
    rule = URL_RULES[name]

    anonymous = _client_for(None).get(url)
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    for persona in PERSONAS:
        client = _client_for(persona)
        response = client.get(url)
        if response.status_code == 405:  # a view that only writes: post nothing to it
            response = client.post(url, {})
            expected = {200, 302} if persona in ALLOWED[rule] else {404}
        else:
            expected = {200} if persona in ALLOWED[rule] else {404}
        assert response.status_code in expected, (name, persona, response.status_code)


def test_a_forbidden_case_looks_exactly_like_a_missing_one(
    case_a: CaseWorld, other_team: Any
) -> None:
    client = _client_for("other_team")
    forbidden = client.get(reverse("case_detail", kwargs={"case_id": case_a.case.pk}))
    missing = client.get(reverse("case_detail", kwargs={"case_id": case_a.case.pk + 10_000}))
    assert forbidden.status_code == missing.status_code == 404
    assert forbidden.content == missing.content


@pytest.mark.parametrize("name", ["dashboard", "caseload", "intake_new"])
def test_staff_pages_require_login(name: str, db: None) -> None:
    response = Client().get(reverse(name))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_intake_page_is_not_for_administrators(admin: Any) -> None:
    assert _client_for("admin").get(reverse("intake_new")).status_code == 404


def test_admin_site_registers_no_client_data() -> None:
    from django.contrib import admin as django_admin

    registered = {m._meta.app_label for m in django_admin.site._registry}
    assert registered.isdisjoint({"people", "casework", "access"})


# --- The participation portal -------------------------------------------------------------
PORTAL_CASE_URLS = sorted(name for name, rule in URL_RULES.items() if rule == Rule.PORTAL_CASE)


def _held_meeting(case: Any) -> Any:
    """A network meeting of the case that was held (the "Were you heard?" page needs one)."""
    import datetime

    from django.utils import timezone

    from monia.accounts.models import User
    from monia.netmeet import services

    worker = User.objects.get(username="worker_a")
    now = timezone.now()
    meeting = services.meeting_plan(
        user=worker,
        case=case,
        held_at=now - datetime.timedelta(days=2),
        place="Koulu",
        agenda="Tuki",
        now=now - datetime.timedelta(days=3),
    )
    return services.meeting_record(
        user=worker,
        meeting=meeting,
        minutes="Sovittiin tuesta.",
        family_view="Hyvä suunta.",
        child_view="Haluan jatkaa.",
        actions=[],
    )


def _portal_decision(case: Any, persons: list[Any]) -> Any:
    """A signed decision of the case of which ``persons`` are parties."""
    from monia.accounts.models import User
    from monia.decisions.tests.document_world import decision_make

    worker = User.objects.get(username="worker_a")
    return decision_make(case, worker, parties=[(p, "guardian") for p in persons])


def _portal_kwargs(name: str, case: Any) -> dict[str, int]:
    """Arguments for a portal URL of one matter."""
    if name.startswith("portal_decision_") or name == "portal_decision":
        from monia.people.models import Person

        guardian = Person.objects.get(ties_from__to_person=case.child, ties_from__is_guardian=True)
        return {
            "case_id": case.pk,
            "decision_id": _portal_decision(case, [case.child, guardian]).pk,
        }
    if name == "portal_heard":
        return {"case_id": case.pk, "meeting_id": _held_meeting(case).pk}
    return {"case_id": case.pk}


@pytest.mark.parametrize("name", CASE_URLS)
def test_staff_case_urls_answer_404_to_a_portal_client(name: str, portal_world: Any) -> None:
    from monia.conftest import portal_client

    client = portal_client(portal_world.guardian)  # Aino's guardian: her case is case_a
    url = reverse(name, kwargs=_kwargs(name, portal_world.cw))
    assert client.get(url).status_code == 404, name


@pytest.mark.parametrize("name", PORTAL_CASE_URLS)
def test_portal_urls_answer_only_the_client_of_the_matter(
    name: str, portal_world: Any, request: pytest.FixtureRequest
) -> None:
    from monia.conftest import portal_client

    for persona in PERSONAS:
        request.getfixturevalue(persona)
    url = reverse(name, kwargs=_portal_kwargs(name, portal_world.young_case))
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and "/portal/login/" in anonymous["Location"]
    for persona in PERSONAS:
        assert _client_for(persona).get(url).status_code == 404, (name, persona)
    assert portal_client(portal_world.young).get(url).status_code == 200, name
    assert portal_client(portal_world.guardian).get(url).status_code == 200, name
    # The young adult is no party to Eetu's matter.
    assert portal_client(portal_world.young_adult).get(url).status_code == 404, name


def _routes(patterns: list[Any], prefix: str = "", namespace: str | None = None) -> list[Any]:
    """Every pattern as (namespace, name, a concrete path with 1 for each parameter)."""
    import re

    from django.urls.resolvers import RoutePattern

    found: list[Any] = []
    for p in patterns:
        if not isinstance(p.pattern, RoutePattern):
            continue  # regex patterns live only in the admin site (namespace rule)
        route = prefix + re.sub(r"<[^>]+>", "1", str(p.pattern))
        if isinstance(p, URLResolver):
            found += _routes(p.url_patterns, route, p.namespace or namespace)
        else:
            found.append((namespace, p.name, "/" + route))
    return found


def test_a_portal_client_gets_404_on_every_page_outside_the_portal(portal_world: Any) -> None:
    from monia.access.middleware import CLIENT_REDIRECTS, CLIENT_RULES
    from monia.conftest import portal_client

    client = portal_client(portal_world.young)
    checked = 0
    for namespace, name, path in _routes(get_resolver().url_patterns):
        rule = NAMESPACE_RULES.get(namespace or "") or URL_RULES.get(name)
        if rule in CLIENT_RULES or name in CLIENT_REDIRECTS:
            continue
        assert client.get(path).status_code == 404, (name, path)
        checked += 1
    assert checked > 60
    assert client.get("/").status_code == 302
