"""Writes for access rights (issue 11, item 1): four eyes, a log of every step, and the
person concerned told by e-mail.

- A change of a field that grants access (``grants.FIELDS``) is a ``RightsChange`` that a
  *different* administrator approves — not the requester, not the person concerned.
  Approval applies it in one transaction under the account's row lock, and refuses it
  when the account changed after the request (stale).
- A change that only takes away (deactivation, leaving a team, losing the admin flags) is
  applied at once: waiting for a second administrator would keep a leaver's access open.
  It is still logged and the person is told.
- A new account starts inactive, with no rights and no usable password; what it should
  get is a request. On approval it gets a password link at its own address.
- Nobody sets another user's password: ``password_link_send`` e-mails the user a one-time
  link (Django's reset token); neither the token nor the link is logged.

Demo data and tests still create users with the ORM; only the admin and these services
go through four eyes.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from monia.accounts.models import Role, User
from monia.notify.services import email_send
from monia.rights import grants, selectors
from monia.rights.access import is_administrator, may_approve
from monia.rights.models import (
    ChangeKind,
    ChangeStatus,
    RightsChange,
    RightsEvent,
    RightsLogEntry,
)

# What an administrator changes at once: nothing of it grants access.
DETAILS = frozenset(
    {"username", "first_name", "last_name", "title", "title_sv", "title_en", "phone", "language"}
)
RIGHTS_TEMPLATE = "notify/email_account_notice.txt"  # one notice to the account holder
LINK_TEMPLATE = "rights/email_password_link.txt"


def _log(
    event: str,
    *,
    actor: User | None,
    subject: User,
    change: RightsChange | None = None,
    details: dict[str, Any] | None = None,
) -> RightsLogEntry:
    return RightsLogEntry.objects.create(
        event=event,
        actor=actor,
        actor_name=actor.username if actor else "",
        subject=subject,
        subject_name=subject.username,
        change=change,
        details=details or {},
    )


def _tell(user: User, message: str, *, address: str | None = None) -> None:
    """E-mail the person concerned (at ``address`` when not their current one)."""
    email_send(
        recipients=[(address if address is not None else user.email, user.working_language)],
        message=message,
        link=reverse("login"),
        template=RIGHTS_TEMPLATE,
    )


def _tell_administrators(change: RightsChange) -> None:
    """The other administrators: a request waits for one of them."""
    others = selectors.administrators(exclude=(change.requested_by_id, change.subject_id))
    email_send(
        recipients=[(a.email, a.working_language) for a in others],
        message=gettext_noop("A change of access rights is waiting for your approval."),
        link=reverse("admin:rights_rightschange_change", args=[change.pk]),
    )


def _require_administrator(actor: User) -> None:
    if not is_administrator(actor):
        raise PermissionDenied


def _normal(field: str, value: Any) -> Any:
    return sorted(value) if field in grants.MANY else value


def _changes(old: dict[str, Any], new: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f: {"old": old[f], "new": new[f]} for f in grants.FIELDS if f in new}


def _apply(
    user: User,
    changes: dict[str, dict[str, Any]],
    *,
    actor: User | None,
    change: RightsChange | None = None,
    reason: str = "",
    tell: bool = True,
) -> None:
    """Write the new values on the locked account, log them and tell the person."""
    old_email = user.email
    scalar = [f for f in grants.SCALAR if f in changes]
    for field in scalar:
        grants.set_scalar(user, field, changes[field]["new"])
    if scalar:
        user.save(update_fields=scalar)
    for field in grants.MANY:
        if field in changes:
            getattr(user, field).set(changes[field]["new"])
    details: dict[str, Any] = {"changes": changes}
    if change is None:
        details["reason"] = reason
    _log(RightsEvent.APPLIED, actor=actor, subject=user, change=change, details=details)
    if changes.get("is_active", {}).get("new") is False:
        _log(RightsEvent.DEACTIVATED, actor=actor, subject=user, change=change)
    if "email" in changes:
        _log(
            RightsEvent.EMAIL_CHANGED,
            actor=actor,
            subject=user,
            change=change,
            details={"old": old_email, "new": user.email},
        )
        if old_email:
            _tell(
                user,
                gettext_noop("The e-mail address of your Monia account was changed."),
                address=old_email,
            )
    if tell:
        _tell(user, gettext_noop("Your access rights in Monia were changed."))


def rights_validate(state: dict[str, Any]) -> None:
    """Refuse rights that do not fit together (``grants.problems``), by field."""
    found = grants.problems(state)
    if found:
        raise ValidationError(found)


@dataclasses.dataclass(frozen=True)
class Outcome:
    applied_now: tuple[str, ...] = ()  # fields that only took away: applied at once
    waiting: RightsChange | None = None  # the rest, for another administrator


@transaction.atomic
def rights_change_request(
    *, actor: User, subject: User, requested: dict[str, Any], reason: str
) -> Outcome:
    """Ask for new values of fields that grant access. What only takes away is applied
    now; the rest waits for another administrator."""
    _require_administrator(actor)
    reason = reason.strip()
    locked = User.objects.select_for_update().get(pk=subject.pk)
    current = grants.rights_of(locked)
    wanted = {f: _normal(f, v) for f, v in requested.items() if f in grants.FIELDS}
    changed = {f: v for f, v in wanted.items() if v != current[f]}
    if not changed:
        return Outcome()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for the change of rights.")})
    rights_validate(current | changed)
    removals = {f: v for f, v in changed.items() if grants.is_removal(f, current[f], v)}
    if grants.problems(current | removals):  # taking away only part would not fit: all wait
        removals = {}
    grants_asked = {f: v for f, v in changed.items() if f not in removals}
    if grants_asked and selectors.pending_change_for(locked) is not None:
        raise ValidationError(
            _(
                "A change of this account's rights is already waiting for approval: it must "
                "be approved, rejected or withdrawn first."
            )
        )
    if removals:
        _apply(locked, _changes(current, removals), actor=actor, reason=reason)
        current = current | removals
    if not grants_asked:
        return Outcome(applied_now=tuple(removals))
    change = RightsChange.objects.create(
        subject=locked,
        kind=ChangeKind.CHANGE,
        changes=_changes(current, grants_asked),
        reason=reason,
        requested_by=actor,
    )
    _log(
        RightsEvent.REQUESTED,
        actor=actor,
        subject=locked,
        change=change,
        details={"changes": change.changes, "reason": reason},
    )
    _tell(
        locked,
        gettext_noop(
            "A change of your access rights in Monia was requested. It takes effect only "
            "when another administrator approves it."
        ),
    )
    _tell_administrators(change)
    return Outcome(applied_now=tuple(removals), waiting=change)


@transaction.atomic
def staff_save(*, actor: User, user: User, changed: list[str], reason: str) -> Outcome:
    """Save an account edited in the admin (``user`` carries the form's values): its
    details at once, the fields of ``changed`` that grant access through
    ``rights_change_request``. Only the fields the form changed are asked for, so an
    approval made while the form was open is not undone."""
    _require_administrator(actor)
    stored = User.objects.select_for_update().get(pk=user.pk)
    asked = {f: grants.value_of(user, f) for f in grants.SCALAR if f in changed}
    for field in grants.SCALAR:
        grants.set_scalar(user, field, grants.value_of(stored, field))
    details = [f for f in changed if f in DETAILS]
    if details:  # only what the form changed: a password set meanwhile stays
        user.save(update_fields=details)
    return rights_change_request(actor=actor, subject=user, requested=asked, reason=reason)


@transaction.atomic
def account_create(*, actor: User, user: User, reason: str) -> RightsChange:
    """A new account from an unsaved user carrying the rights asked for: saved inactive,
    with no rights and no usable password; the rights become a request."""
    _require_administrator(actor)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for the change of rights.")})
    asked = {f: grants.value_of(user, f) for f in grants.SCALAR}
    asked["is_active"] = True
    rights_validate(asked)
    for field in grants.SCALAR:
        grants.set_scalar(user, field, grants.NO_RIGHTS[field])
    user.set_unusable_password()
    user.save()
    _log(RightsEvent.ACCOUNT_CREATED, actor=actor, subject=user, details={"reason": reason})
    wanted = {f: v for f, v in asked.items() if v != grants.NO_RIGHTS[f]}
    change = RightsChange.objects.create(
        subject=user,
        kind=ChangeKind.CREATE,
        changes=_changes(grants.NO_RIGHTS, wanted),
        reason=reason,
        requested_by=actor,
    )
    _log(
        RightsEvent.REQUESTED,
        actor=actor,
        subject=user,
        change=change,
        details={"changes": change.changes, "reason": reason},
    )
    _tell_administrators(change)
    return change


def _decidable(actor: User, change_id: int) -> RightsChange:
    _require_administrator(actor)
    change = RightsChange.objects.select_for_update().get(pk=change_id)
    if change.status != ChangeStatus.PENDING:
        raise ValidationError(_("This request has already been decided."))
    return change


def _decided(change: RightsChange, actor: User, status: str, note: str) -> None:
    change.status = status
    change.decided_by = actor
    change.decided_at = timezone.now()
    change.decision_note = note.strip()
    change.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])


@transaction.atomic
def rights_change_approve(*, actor: User, change_id: int, note: str = "") -> RightsChange:
    """Apply a waiting request, approved by another administrator. A request whose
    account changed meanwhile is refused as stale (status ``stale``): ask again."""
    change = _decidable(actor, change_id)
    if not may_approve(actor, change):
        raise ValidationError(
            _(
                "Another administrator must approve this: not the one who asked for it, "
                "nor the person it concerns."
            )
        )
    subject = User.objects.select_for_update().get(pk=change.subject_id)
    now = grants.rights_of(subject, list(change.changes))
    if any(now[f] != _normal(f, c["old"]) for f, c in change.changes.items()):
        _decided(change, actor, ChangeStatus.STALE, note)
        _log(
            RightsEvent.REJECTED,
            actor=actor,
            subject=subject,
            change=change,
            details={"why": "stale", "now": now},
        )
        return change
    rights_validate(grants.rights_of(subject) | {f: c["new"] for f, c in change.changes.items()})
    _decided(change, actor, ChangeStatus.APPROVED, note)
    _log(RightsEvent.APPROVED, actor=actor, subject=subject, change=change, details={"note": note})
    new_account = change.kind == ChangeKind.CREATE
    _apply(subject, change.changes, actor=actor, change=change, tell=not new_account)
    if new_account and subject.email:  # its first message: the link is news enough
        password_link_send(actor=actor, subject=subject)
    return change


@transaction.atomic
def rights_change_reject(*, actor: User, change_id: int, note: str = "") -> RightsChange:
    """Refuse a waiting request (the requester's own refusal is a withdrawal); nothing
    changes on the account."""
    change = _decidable(actor, change_id)
    if actor.pk == change.requested_by_id:
        status, why = ChangeStatus.WITHDRAWN, "withdrawn"
    elif actor.pk == change.subject_id:
        raise ValidationError(_("Another administrator decides on a change of your own rights."))
    else:
        status, why = ChangeStatus.REJECTED, "rejected"
    _decided(change, actor, status, note)
    _log(
        RightsEvent.REJECTED,
        actor=actor,
        subject=change.subject,
        change=change,
        details={"why": why, "note": note.strip()},
    )
    return change


def password_link_path(user: User) -> str:
    """The one-time path where the user sets a password (Django's reset token: it stops
    working once the password, the e-mail address or the last login changes, or after
    ``PASSWORD_RESET_TIMEOUT``)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return reverse("password_reset_confirm", args=[uid, default_token_generator.make_token(user)])


@transaction.atomic
def password_link_send(*, actor: User | None, subject: User) -> None:
    """E-mail the user a link to set their own password — to their own address only.
    ``actor`` None: the bootstrap command."""
    if actor is not None:
        _require_administrator(actor)
    if not subject.is_active or subject.role == Role.CLIENT:
        raise ValidationError(_("A password link goes only to an active staff account."))
    if not subject.email:
        raise ValidationError(_("The account has no e-mail address to send the link to."))
    _log(
        RightsEvent.PASSWORD_LINK_SENT,
        actor=actor,
        subject=subject,
        details={"to": subject.email},
    )
    email_send(
        recipients=[(subject.email, subject.working_language)],
        message=gettext_noop("Set your password for Monia."),
        link=password_link_path(subject),
        template=LINK_TEMPLATE,
    )


@transaction.atomic
def password_link_for_operator(*, subject: User) -> str:
    """The bootstrap command's ``--print-link``: the path of the link, printed on the
    server for the operator who is the new administrator (logged; the link is not)."""
    _log(
        RightsEvent.PASSWORD_LINK_SENT,
        actor=None,
        subject=subject,
        details={"to": "printed by bootstrap_administrator"},
    )
    return password_link_path(subject)


PASSWORD_CHANGED = gettext_noop("The password of your Monia account was changed.")


@transaction.atomic
def password_set_with_link(*, user: User, password: str) -> User:
    """The user set their own password with a link (the form validated it); they are told
    (if it was not them, the link reached someone else)."""
    user.set_password(password)
    user.save(update_fields=["password"])
    _log(RightsEvent.PASSWORD_SET, actor=user, subject=user)
    _tell(user, PASSWORD_CHANGED)
    return user


def password_changed_tell(*, user: User) -> None:
    """The user changed their password on the password page: e-mail them (if it was not
    them, someone had their session and their password)."""
    _tell(user, PASSWORD_CHANGED)


# Four eyes need two administrators: until there are two, the server's operator makes them.
BOOTSTRAP_UNTIL = 2


@transaction.atomic
def administrator_bootstrap(
    *, username: str, email: str, first_name: str = "", last_name: str = ""
) -> User:
    """An administrator made from the server's command line, only while the installation
    has fewer than two active administrators (the first two; or again after leavers):
    a request needs another administrator to approve it. Logged as "bootstrap"."""
    with connection.cursor() as cursor:  # two bootstraps at once: the second waits, then counts
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext('monia_rights_bootstrap'))")
    if selectors.active_administrator_count() >= BOOTSTRAP_UNTIL:
        raise ValidationError(
            _("Two active administrators exist: new accounts are made in the admin.")
        )
    user = User(
        username=username,
        email=email,
        first_name=first_name,
        last_name=last_name,
        role=Role.ADMINISTRATOR,
        is_staff=True,
        is_superuser=True,
        is_active=True,
    )
    user.set_unusable_password()
    user.full_clean()
    user.save()
    _log(RightsEvent.BOOTSTRAP, actor=None, subject=user, details={"email": email})
    return user


SSO_LINKED_MESSAGE = gettext_noop(
    "Your Monia account was linked to your organisation's single sign-on at your first "
    "login with it."
)


def sso_link_record(*, user: User, subject: str, **_: Any) -> None:
    """``accounts.signals.sso_subject_linked``: the first single sign-on linked the account
    by its verified e-mail address (or username claim). Logged like a subject an
    administrator sets, and the person is told (if it was not them, someone else's login at
    the identity provider now opens their account)."""
    _log(RightsEvent.SSO_LINKED, actor=user, subject=user, details={"subject": subject})
    _tell(user, SSO_LINKED_MESSAGE)
