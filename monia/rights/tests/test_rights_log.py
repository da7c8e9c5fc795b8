"""The rights log is append-only in the database itself, like the access logs, holds no
password or link, and administrators read it — only read it — in the admin."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from monia.access.testing import as_owner
from monia.accounts.models import Role, User
from monia.rights import services
from monia.rights.models import RightsEvent, RightsLogEntry
from monia.rights.tests.conftest import admin_site

pytestmark = pytest.mark.django_db

TABLE = "rights_rightslogentry"


@pytest.fixture
def logged(admins: Any, worker: User) -> RightsLogEntry:
    services.rights_change_request(
        actor=admins[0], subject=worker, requested={"role": Role.SENIOR_OFFICIAL}, reason="x"
    )
    return RightsLogEntry.objects.get(event=RightsEvent.REQUESTED)


def _refused(sql: str) -> str:
    with pytest.raises(DatabaseError) as exc, transaction.atomic(), connection.cursor() as c:
        c.execute(sql)
    return str(exc.value)


def _refused_twice(sql: str) -> str:
    """The runtime role has no right to it (the first guard); the tables' owner, who has,
    is stopped by the trigger (the second): the owner's message is returned."""
    assert "permission denied" in _refused(sql)
    with as_owner():
        return _refused(sql)


def test_the_database_refuses_to_update_the_rights_log(logged: RightsLogEntry) -> None:
    assert "append-only (UPDATE refused)" in _refused_twice(f"UPDATE {TABLE} SET details = '{{}}'")  # noqa: S608
    logged.refresh_from_db()
    assert logged.details["reason"] == "x"


def test_the_database_refuses_to_delete_from_the_rights_log(logged: RightsLogEntry) -> None:
    assert "append-only (DELETE refused)" in _refused_twice(f"DELETE FROM {TABLE}")  # noqa: S608
    assert RightsLogEntry.objects.filter(pk=logged.pk).exists()


def test_the_database_refuses_to_truncate_the_rights_log(logged: RightsLogEntry) -> None:
    with connection.cursor() as c:  # the test's inserts have deferred FK checks pending
        c.execute("SET CONSTRAINTS ALL IMMEDIATE")
    assert "append-only (TRUNCATE refused)" in _refused_twice(f"TRUNCATE {TABLE} CASCADE")
    assert RightsLogEntry.objects.filter(pk=logged.pk).exists()


def test_the_orm_cannot_rewrite_an_entry_either(logged: RightsLogEntry) -> None:
    with pytest.raises(DatabaseError), transaction.atomic():
        RightsLogEntry.objects.filter(pk=logged.pk).update(event="approved")
    with pytest.raises(DatabaseError), transaction.atomic():
        logged.delete()
    with pytest.raises(ValueError, match="append-only"):
        logged.save()
    assert RightsLogEntry.objects.get(pk=logged.pk).event == RightsEvent.REQUESTED


def test_the_log_holds_no_password_and_no_link(client: Any, admins: Any, worker: User) -> None:
    services.password_link_send(actor=admins[0], subject=worker)
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password/link/" in line)
    path = link[link.index("/password/link/") :]
    token = path.rstrip("/").rsplit("/", 1)[-1]
    form = client.get(path)["Location"]
    password = "Uusi salasana 2026!"  # noqa: S105 - test only
    client.post(form, {"new_password1": password, "new_password2": password})
    worker.refresh_from_db()
    assert worker.check_password(password)
    text = " ".join(str(e.details) for e in RightsLogEntry.objects.all())
    assert token not in text and password not in text and worker.password not in text
    assert set(RightsLogEntry.objects.values_list("event", flat=True)) == {
        RightsEvent.PASSWORD_LINK_SENT,
        RightsEvent.PASSWORD_SET,
    }


def test_administrators_read_the_log_and_cannot_change_it_in_the_admin(
    logged: RightsLogEntry,
) -> None:
    site = admin_site("admin2")
    listing = site.get(reverse("admin:rights_rightslogentry_changelist"))
    assert listing.status_code == 200 and "worker_a" in listing.content.decode()
    entry = reverse("admin:rights_rightslogentry_change", args=[logged.pk])
    assert site.get(entry).status_code == 200
    assert site.post(entry, {"event": "approved"}).status_code == 403
    assert site.get(reverse("admin:rights_rightslogentry_add")).status_code == 403
    delete = reverse("admin:rights_rightslogentry_delete", args=[logged.pk])
    assert site.post(delete, {"post": "yes"}).status_code == 403
    assert RightsLogEntry.objects.get(pk=logged.pk).event == RightsEvent.REQUESTED


def test_a_worker_cannot_open_the_rights_log(logged: RightsLogEntry) -> None:
    from monia.conftest import login

    response = login("worker_a").get(reverse("admin:rights_rightslogentry_changelist"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_first_single_sign_on_link_is_in_the_rights_log_and_told(worker: User) -> None:
    # Linked by its verified e-mail at the first single sign-on (accounts/oidc.py): not by
    # an administrator, but it decides whose login opens the account all the same.
    from monia.accounts.services import user_oidc_subject_link

    assert user_oidc_subject_link(user=worker, subject="county-idp-subject-42")
    entry = RightsLogEntry.objects.get(subject=worker, event=RightsEvent.SSO_LINKED)
    assert entry.actor == worker and entry.details == {"subject": "county-idp-subject-42"}
    assert [m.to for m in mail.outbox] == [[worker.email]]
    assert "single sign-on" in mail.outbox[0].body
