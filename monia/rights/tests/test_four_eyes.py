"""Four eyes on access rights (issue 11, item 1): what grants access changes only when a
second administrator — not the requester, not the person concerned — approves it; what
only takes away applies at once; every step is logged and the person is told."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from monia.accounts.models import Role, User
from monia.conftest import PASSWORD, World
from monia.rights import services
from monia.rights.models import ChangeStatus, RightsChange, RightsEvent, RightsLogEntry
from monia.rights.tests.conftest import admin_site

pytestmark = pytest.mark.django_db


def _form(user: User, **changes: Any) -> dict[str, Any]:
    """The admin's change form as it comes, with ``changes`` typed in (None unticks)."""
    data: dict[str, Any] = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "title": user.title,
        "title_sv": user.title_sv,
        "title_en": user.title_en,
        "phone": user.phone,
        "language": user.language,
        "email": user.email,
        "oidc_subject": user.oidc_subject or "",
        "role": user.role,
        "county": user.county_id or "",
        "team": user.team_id or "",
        "organisation": user.organisation_id or "",
        "reason": "",
        "_save": "Save",
    }
    for flag in ("is_active", "is_staff", "is_superuser"):
        if getattr(user, flag):
            data[flag] = "on"
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def _save(username: str, user: User, **changes: Any) -> Any:
    return admin_site(username).post(
        reverse("admin:accounts_user_change", args=[user.pk]), _form(user, **changes)
    )


def _events(user: User) -> list[str]:
    return list(
        RightsLogEntry.objects.filter(subject=user).order_by("pk").values_list("event", flat=True)
    )


def test_a_role_change_waits_for_a_second_administrator_and_then_applies(
    admins: Any, worker: User
) -> None:
    response = _save("admin", worker, role=Role.SENIOR_OFFICIAL, reason="Johtava tehtävä 1.1.")
    assert response.status_code == 302
    worker.refresh_from_db()
    assert worker.role == Role.DESIGNATED_SOCIAL_WORKER  # nothing yet
    change = RightsChange.objects.get(subject=worker, status=ChangeStatus.PENDING)
    assert change.requested_by == admins[0]
    assert change.changes == {
        "role": {"old": Role.DESIGNATED_SOCIAL_WORKER, "new": Role.SENIOR_OFFICIAL}
    }
    assert [m.to for m in mail.outbox] == [
        [worker.email],
        ["admin2@county-a.example"],
        ["admin3@county-a.example"],
    ]

    with pytest.raises(ValidationError):
        services.rights_change_approve(actor=admins[0], change_id=change.pk)
    worker.refresh_from_db()
    assert worker.role == Role.DESIGNATED_SOCIAL_WORKER

    mail.outbox.clear()
    decide = reverse("admin:rights_rightschange_decide", args=[change.pk])
    admin_site("admin2").post(decide, {"decision": "approve", "note": "Päätös 12/2026"})
    worker.refresh_from_db()
    change.refresh_from_db()
    assert worker.role == Role.SENIOR_OFFICIAL
    assert change.status == ChangeStatus.APPROVED and change.decided_by == admins[1]
    assert _events(worker) == ["requested", "approved", "applied"]
    assert [m.to for m in mail.outbox] == [[worker.email]]
    assert "access rights" in mail.outbox[0].body and "no client information" in mail.outbox[0].body


def test_an_administrator_losing_the_flags_loses_them_at_once_the_role_waits(
    admins: Any,
) -> None:
    admin, admin2, admin3 = admins
    _save("admin", admin2, is_superuser=None, is_staff=None, role=Role.SOCIAL_WORKER, reason="x")
    # Losing the flags applied at once; the role waits.
    admin2.refresh_from_db()
    assert not admin2.is_superuser and admin2.role == Role.ADMINISTRATOR
    waiting = RightsChange.objects.get(subject=admin2, status=ChangeStatus.PENDING)
    with pytest.raises(PermissionDenied):  # no administrator any more
        services.rights_change_approve(actor=admin2, change_id=waiting.pk)
    services.rights_change_approve(actor=admin3, change_id=waiting.pk)
    admin2.refresh_from_db()
    assert admin2.role == Role.SOCIAL_WORKER


def test_an_administrator_cannot_approve_a_grant_to_themselves(admins: Any) -> None:
    admin, admin2, _ = admins
    change = services.rights_change_request(
        actor=admin, subject=admin2, requested={"email": "admin2@elsewhere.example"}, reason="x"
    ).waiting
    assert change is not None
    with pytest.raises(ValidationError, match="Another administrator"):
        services.rights_change_approve(actor=admin2, change_id=change.pk)
    page = admin_site("admin2").get(reverse("admin:rights_rightschange_change", args=[change.pk]))
    assert "Approve and apply" not in page.content.decode()
    assert "concerns your own account" in page.content.decode()


def test_the_database_itself_refuses_a_decision_by_the_requester(admins: Any, worker: User) -> None:
    change = services.rights_change_request(
        actor=admins[0], subject=worker, requested={"role": Role.SENIOR_OFFICIAL}, reason="x"
    ).waiting
    assert change is not None
    with pytest.raises(IntegrityError), transaction.atomic():
        RightsChange.objects.filter(pk=change.pk).update(status="approved", decided_by=admins[0])


def test_a_change_of_rights_without_a_reason_is_refused_and_keeps_what_was_typed(
    admins: Any, worker: User, world: World
) -> None:
    response = _save("admin", worker, team=world.team_a2.pk, first_name="Uusi nimi")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Give the reason for the change of rights." in text
    assert 'value="Uusi nimi"' in text
    worker.refresh_from_db()
    assert worker.team == world.team_a1 and worker.first_name != "Uusi nimi"
    assert not RightsChange.objects.exists()


def test_details_are_saved_at_once_without_a_request(admins: Any, worker: User) -> None:
    _save("admin", worker, first_name="Sanni", title="Sosiaalityöntekijä", language="sv")
    worker.refresh_from_db()
    assert (worker.first_name, worker.title, worker.language) == (
        "Sanni",
        "Sosiaalityöntekijä",
        "sv",
    )
    assert not RightsChange.objects.exists() and mail.outbox == []


def test_the_title_in_swedish_and_english_are_details_saved_at_once(
    admins: Any, worker: User
) -> None:
    _save("admin", worker, title_sv="Socialarbetare", title_en="Social worker")
    worker.refresh_from_db()
    assert (worker.title_sv, worker.title_en) == ("Socialarbetare", "Social worker")
    assert not RightsChange.objects.exists() and mail.outbox == []


def test_deactivation_applies_at_once_is_logged_and_the_person_is_told(
    admins: Any, worker: User
) -> None:
    _save("admin", worker, is_active=None, reason="Työsuhde päättyi.")
    worker.refresh_from_db()
    assert not worker.is_active
    assert not RightsChange.objects.exists()
    assert _events(worker) == ["applied", "deactivated"]
    applied = RightsLogEntry.objects.get(subject=worker, event="applied")
    assert applied.details["reason"] == "Työsuhde päättyi."
    assert [m.to for m in mail.outbox] == [[worker.email]]
    assert not Client().login(username=worker.username, password=PASSWORD)


def test_leaving_a_team_applies_at_once_but_joining_another_waits(
    admins: Any, worker: User, world: World
) -> None:
    _save("admin", worker, team="", reason="Siirtyy.")
    worker.refresh_from_db()
    assert worker.team is None
    worker_again = User.objects.get(pk=worker.pk)
    _save("admin", worker_again, team=world.team_a2.pk, reason="Siirtyy tiimiin A2.")
    worker.refresh_from_db()
    assert worker.team is None
    assert RightsChange.objects.get(status=ChangeStatus.PENDING).changes == {
        "team": {"old": None, "new": world.team_a2.pk}
    }


def test_a_stale_request_is_refused_when_the_account_changed_meanwhile(
    admins: Any, worker: User, world: World
) -> None:
    change = services.rights_change_request(
        actor=admins[0], subject=worker, requested={"team": world.team_a2.pk}, reason="x"
    ).waiting
    assert change is not None
    User.objects.filter(pk=worker.pk).update(team=None)  # e.g. removed from the team meanwhile
    result = services.rights_change_approve(actor=admins[1], change_id=change.pk)
    assert result.status == ChangeStatus.STALE
    worker.refresh_from_db()
    assert worker.team is None
    assert RightsLogEntry.objects.filter(event="rejected", details__why="stale").exists()


def test_changing_a_workers_address_to_ones_own_waits_and_the_old_address_is_told(
    admins: Any, worker: User
) -> None:
    old = worker.email
    _save("admin", worker, email="admin@county-a.example", reason="Osoite vaihtui.")
    worker.refresh_from_db()
    assert worker.email == old
    services.password_link_send(actor=admins[0], subject=worker)
    assert mail.outbox[-1].to == [old]  # the link still goes to the worker
    change = RightsChange.objects.get(status=ChangeStatus.PENDING)
    mail.outbox.clear()
    services.rights_change_approve(actor=admins[1], change_id=change.pk)
    worker.refresh_from_db()
    assert worker.email == "admin@county-a.example"
    assert sorted(m.to[0] for m in mail.outbox) == sorted([old, "admin@county-a.example"])
    assert "e-mail address" in next(m for m in mail.outbox if m.to == [old]).body
    assert RightsLogEntry.objects.get(event=RightsEvent.EMAIL_CHANGED).details == {
        "old": old,
        "new": "admin@county-a.example",
    }


def test_linking_a_worker_to_ones_own_single_sign_on_subject_waits_for_a_second_administrator(
    admins: Any, worker: User
) -> None:
    # The subject says whose login at the county's identity provider opens the account:
    # one administrator setting a worker's subject to their own would log in as the worker.
    _save("admin", worker, oidc_subject="admins-own-subject", reason="Kertakirjautuminen.")
    worker.refresh_from_db()
    assert worker.oidc_subject is None
    change = RightsChange.objects.get(subject=worker, status=ChangeStatus.PENDING)
    assert change.changes == {"oidc_subject": {"old": None, "new": "admins-own-subject"}}
    services.rights_change_approve(actor=admins[1], change_id=change.pk)
    worker.refresh_from_db()
    assert worker.oidc_subject == "admins-own-subject"
    assert RightsEvent.APPLIED in _events(worker)


def test_a_new_account_has_no_rights_or_password_until_a_second_administrator_approves(
    admins: Any, world: World
) -> None:
    site = admin_site("admin")
    response = site.post(
        reverse("admin:accounts_user_add"),
        {
            "username": "virkamies",
            "first_name": "Vilja",
            "last_name": "Virkamies",
            "email": "admin@county-a.example",  # the requester's own address
            "role": Role.SENIOR_OFFICIAL,
            "county": world.county_a.pk,
            "reason": "Uusi johtava sosiaalityöntekijä.",
        },
    )
    assert response.status_code == 302
    created = User.objects.get(username="virkamies")
    assert not created.is_active and created.role == "" and created.county is None
    assert created.email == "" and not created.has_usable_password()
    assert not Client().login(username="virkamies", password=PASSWORD)
    assert all("admin@county-a.example" not in m.to for m in mail.outbox)
    change = RightsChange.objects.get(subject=created)
    assert change.kind == "create"
    assert change.changes["email"]["new"] == "admin@county-a.example"  # the approver sees it
    assert _events(created) == ["account_created", "requested"]
    page = admin_site("admin2").get(reverse("admin:rights_rightschange_change", args=[change.pk]))
    assert "admin@county-a.example" in page.content.decode()
    assert "Approve and apply" in page.content.decode()

    mail.outbox.clear()
    admin_site("admin2").post(
        reverse("admin:rights_rightschange_decide", args=[change.pk]), {"decision": "approve"}
    )
    created.refresh_from_db()
    assert created.is_active and created.role == Role.SENIOR_OFFICIAL
    assert created.county == world.county_a and not created.is_superuser
    assert [m.to for m in mail.outbox] == [["admin@county-a.example"]]
    assert "/password/link/" in mail.outbox[0].body
    assert _events(created)[-4:] == ["approved", "applied", "email_changed", "password_link_sent"]


def test_a_rejected_request_changes_nothing_and_the_requester_may_withdraw(
    admins: Any, worker: User, world: World
) -> None:
    ask = services.rights_change_request
    first = ask(actor=admins[0], subject=worker, requested={"team": world.team_a2.pk}, reason="x")
    assert first.waiting is not None
    with pytest.raises(ValidationError, match="already waiting"):
        ask(actor=admins[1], subject=worker, requested={"role": Role.SOCIAL_WORKER}, reason="y")
    services.rights_change_reject(actor=admins[1], change_id=first.waiting.pk, note="Ei")
    second = ask(actor=admins[0], subject=worker, requested={"role": "social_worker"}, reason="z")
    assert second.waiting is not None
    admin_site("admin").post(
        reverse("admin:rights_rightschange_decide", args=[second.waiting.pk]),
        {"decision": "reject"},
    )
    statuses = set(RightsChange.objects.values_list("status", flat=True))
    assert statuses == {ChangeStatus.REJECTED, ChangeStatus.WITHDRAWN}
    worker.refresh_from_db()
    assert worker.team == world.team_a1 and worker.role == Role.DESIGNATED_SOCIAL_WORKER


def test_rights_that_do_not_fit_together_are_refused(
    admins: Any, worker: User, world: World
) -> None:
    response = _save("admin", worker, is_superuser="on", team=world.team_b1.pk, reason="x")
    text = response.content.decode()
    assert response.status_code == 200
    assert "Only an administrator can be a superuser." in text
    assert "The team must belong to the staff member&#x27;s county." in text
    assert not RightsChange.objects.exists()


def test_the_approval_actions_of_the_list_apply_four_eyes_too(admins: Any, worker: User) -> None:
    change = services.rights_change_request(
        actor=admins[0], subject=worker, requested={"role": Role.SENIOR_OFFICIAL}, reason="x"
    ).waiting
    assert change is not None
    url = reverse("admin:rights_rightschange_changelist")
    admin_site("admin").post(url, {"action": "approve_selected", "_selected_action": [change.pk]})
    assert RightsChange.objects.get().status == ChangeStatus.PENDING
    admin_site("admin2").post(url, {"action": "approve_selected", "_selected_action": [change.pk]})
    assert RightsChange.objects.get().status == ChangeStatus.APPROVED


def test_only_an_administrator_may_ask_or_decide(admins: Any, worker: User, senior_a: User) -> None:
    with pytest.raises(PermissionDenied):
        services.rights_change_request(
            actor=senior_a, subject=worker, requested={"role": Role.SENIOR_OFFICIAL}, reason="x"
        )


def test_the_admin_offers_no_groups_and_lists_no_portal_clients(admins: Any) -> None:
    site = admin_site("admin")
    assert site.get("/admin/auth/group/").status_code == 404
    index = site.get(reverse("admin:index")).content.decode()
    assert "/admin/auth/group/" not in index
    assert "/admin/rights/rightschange/" in index and "/admin/rights/rightslogentry/" in index


def test_the_request_page_is_in_finnish_for_a_finnish_administrator(
    admins: Any, worker: User
) -> None:
    change = services.rights_change_request(
        actor=admins[0], subject=worker, requested={"role": Role.SENIOR_OFFICIAL}, reason="x"
    ).waiting
    assert change is not None
    page = admin_site("admin2", "fi").get(
        reverse("admin:rights_rightschange_change", args=[change.pk])
    )
    text = page.content.decode()
    assert "Hyväksy ja toteuta" in text and "Johtava viranhaltija" in text


def test_the_person_concerned_is_told_in_their_own_language_without_client_data(
    admins: Any, worker: User, case_a: Any
) -> None:
    User.objects.filter(pk=worker.pk).update(language="sv")
    worker.refresh_from_db()
    services.rights_change_request(
        actor=admins[0], subject=worker, requested={"role": Role.SENIOR_OFFICIAL}, reason="x"
    )
    told = next(m for m in mail.outbox if m.to == [worker.email])
    assert "En ändring av dina behörigheter i Monia har begärts" in told.body
    assert "inga klientuppgifter" in told.body
    child = case_a.case.child
    assert child.last_name not in told.body and child.identity_code not in told.body


def test_groups_and_permissions_asked_for_in_code_pass_four_eyes_too(
    admins: Any, worker: User
) -> None:
    from django.contrib.auth.models import Group

    group = Group.objects.create(name="Raportoijat")
    outcome = services.rights_change_request(
        actor=admins[0], subject=worker, requested={"groups": [group.pk]}, reason="Raportit."
    )
    assert outcome.waiting is not None and not worker.groups.exists()
    services.rights_change_approve(actor=admins[1], change_id=outcome.waiting.pk)
    assert list(worker.groups.all()) == [group]
    removal = services.rights_change_request(
        actor=admins[0], subject=worker, requested={"groups": []}, reason="Ei enää."
    )
    assert removal.applied_now == ("groups",) and removal.waiting is None
    assert not worker.groups.exists()


def test_control_characters_in_the_reason_get_a_message_and_nothing_is_asked(
    admins: Any, worker: User
) -> None:
    response = _save("admin", worker, role=Role.SENIOR_OFFICIAL, reason="Syy\x00")
    assert response.status_code == 200
    assert "control characters" in response.content.decode()
    assert not RightsChange.objects.exists()
