"""Writes of the participation portal: client logins, safety alerts, what guardians see."""

from __future__ import annotations

import datetime
import hashlib
import hmac
import logging
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from monia.access.policy import CASEWORK_ROLES
from monia.accounts.models import Role, User
from monia.casework.case_services import submission_lock
from monia.casework.models import Case, EventKind
from monia.casework.services import event_write
from monia.notify.services import absolute_link, notify
from monia.people import hetu
from monia.people.models import Person
from monia.portal.access import PortalCase, portal_cases
from monia.portal.document_selectors import case_documents, case_guardians, may_ask_privacy
from monia.portal.models import (
    ChildPortalAccess,
    ClientAccount,
    GuardianRestriction,
    LoginMethod,
    RestrictionStatus,
    SafetyAlert,
)
from monia.portal.safety_selectors import OfficeStatus, office_status
from monia.teams.models import County

logger = logging.getLogger(__name__)

# Who is alerted: the team around the child (a senior official is not on a team).
ALERTED_ROLES = CASEWORK_ROLES - {"senior_official"}


def _username_for(canonical: str) -> str:
    # The identity code never becomes a username (usernames show in the admin site).
    digest = hmac.new(settings.SECRET_KEY.encode(), canonical.encode(), hashlib.sha256)
    return "client-" + digest.hexdigest()[:24]


@transaction.atomic
def client_user_for_identity_code(
    identity_code: str, *, method: str, given_name: str = "", last_name: str = ""
) -> User | None:
    """The portal user of the person with this identity code, created at first login.

    None when the code is invalid or no register knows the person, or when the person has
    no matter to follow in the portal (a client account is then not created at all).
    """
    try:
        canonical = hetu.canonical(identity_code)
    except hetu.InvalidIdentityCode:
        return None
    if method not in LoginMethod.values:
        raise ValueError(method)
    account = (
        ClientAccount.objects.select_related("user")
        .filter(identity_code_canonical=canonical)
        .first()
    )
    if account is None:
        persons = Person.objects.filter(identity_code_canonical=canonical)
        first = persons.first()
        if first is None:
            return None
        user = User(
            username=_username_for(canonical),
            role=Role.CLIENT,
            first_name=(given_name or first.first_names)[:150],
            last_name=(last_name or first.last_name)[:150],
            language=_register_language(first),
        )
        user.set_unusable_password()
        user.save()
        account = ClientAccount.objects.create(
            user=user, identity_code_canonical=canonical, last_method=method
        )
        if not portal_cases(user):
            transaction.set_rollback(True)
            return None
    else:
        user = account.user
        if not user.is_active or not portal_cases(user):
            return None
        account.last_method = method
        account.save(update_fields=["last_method"])
        if not user.language:  # an account from before languages were taken from the register
            person = Person.objects.filter(identity_code_canonical=canonical).first()
            user.language = _register_language(person) if person is not None else ""
            if user.language:
                user.save(update_fields=["language"])
    return user


def _register_language(person: Person) -> str:
    """A new client's pages are in the language the register gives for them, Finnish or
    Swedish (served in one's own national language); any other: the browser's."""
    return person.language if person.language in ("fi", "sv") else ""


def workers_to_notify(case: Case) -> list[User]:
    """Who hears of a client's message or answer: the designated worker; when the case has
    none (or they have left), its team."""
    worker = case.designated_worker
    if worker is not None and worker.is_active:
        return [worker]
    return list(User.objects.filter(team_id=case.team_id, is_active=True, role__in=ALERTED_ROLES))


def _team_to_alert(case: Case) -> list[User]:
    users = list(User.objects.filter(team_id=case.team_id, is_active=True, role__in=ALERTED_ROLES))
    if case.designated_worker is not None:
        users.append(case.designated_worker)
    return users


@transaction.atomic
def safety_alert_raise(
    *,
    user: User,
    portal_case: PortalCase,
    now: datetime.datetime | None = None,
    submission_key: uuid.UUID | None = None,
) -> SafetyAlert:
    """An urgent alert to the child's worker and team; outside the county's office hours
    also an e-mail to its social emergency service. Neither names anybody. The same page
    sent twice (a double press, a reload of the answer) raises one alert."""
    submission_lock(submission_key)
    case = portal_case.case
    if submission_key is not None:
        raised = SafetyAlert.objects.filter(submission_key=submission_key).first()
        if raised is not None and (raised.raised_by_id, raised.case_id) == (user.pk, case.pk):
            return raised
        if raised is not None:
            # Another's key, or another matter's: the alert is raised all the same.
            submission_key = None
    status = office_status(case.county, now)
    alert = SafetyAlert.objects.create(
        case=case,
        raised_by=user,
        outside_office_hours=not status.open_now,
        emergency_service_email=status.emergency_email
        if status.routed_to_emergency_service
        else "",
        submission_key=submission_key,
    )
    if alert.emergency_service_email:
        transaction.on_commit(lambda: _emergency_service_email(alert, case.county, status))
    event_write(
        case=case,
        kind=EventKind.SAFETY_ALERT,
        actor=user,
        detail=portal_case.client.recorded_name,
    )
    notify(
        users=_team_to_alert(case),
        kind="safety_alert",
        message=gettext_noop("URGENT: a client pressed “I don't feel safe”."),
        link=reverse("case_portal", kwargs={"case_id": case.pk}),
    )
    return alert


def _emergency_service_email(alert: SafetyAlert, county: County, status: OfficeStatus) -> None:
    """The alert to the social emergency service: that there is one, when the team is back,
    and where to log in; no name, no identity code, nothing of the case (style: notify)."""
    languages = [settings.LANGUAGE_CODE, "sv"] if county.bilingual else [settings.LANGUAGE_CODE]
    context = {
        "raised_at": timezone.localtime(alert.raised_at),
        "back_at": timezone.localtime(status.back_at),
        "url": absolute_link(reverse("case_portal", kwargs={"case_id": alert.case_id})),
        "number": alert.pk,
    }
    parts, subject = [], ""
    for language in languages:
        with translation.override(language):
            subject = subject or _("Monia: URGENT safety alert outside office hours")
            parts.append(
                render_to_string(
                    "portal/emergency_service_email.txt",
                    {**context, "county": county.localized_name(language)},
                )
            )
    try:
        send_mail(subject, "\n\n".join(parts), None, [alert.emergency_service_email])
    except Exception:  # the alert is saved and on the team's dashboards; log and go on
        logger.exception("emergency service e-mail failed")


@transaction.atomic
def safety_alert_handle(*, user: User, case: Case, alert_id: int, note: str) -> SafetyAlert:
    """Raises ``SafetyAlert.DoesNotExist`` for an alert that is not on this case (another
    case's answers exactly as a missing one)."""
    alert = SafetyAlert.objects.select_for_update().get(pk=alert_id, case=case)
    if not note.strip():
        raise ValidationError({"note": _("Write what was done.")})
    if alert.handled_at is not None:
        raise ValidationError({"alert": _("This alert has already been handled.")})
    alert.handled_by = user
    alert.handled_at = timezone.now()
    alert.handled_note = note.strip()
    alert.save()
    event_write(case=case, kind=EventKind.SAFETY_ALERT_HANDLED, actor=user, detail=note.strip())
    return alert


@transaction.atomic
def document_hide(
    *, user: User, case: Case, document_key: str, guardian: Person, reason: str
) -> GuardianRestriction:
    """The worker hides a document from one guardian where showing it would endanger the
    child (a young person's request for it stays recorded on the row)."""
    if guardian not in case_guardians(case):
        raise ValidationError({"guardian": _("Choose a guardian of this child.")})
    if document_key not in {d.key for d in case_documents(case)}:
        raise ValidationError({"document": _("Choose a document of this case.")})
    if not reason.strip():
        raise ValidationError(
            {"reason": _("Write why showing the document would endanger the child.")}
        )
    restriction, _created = GuardianRestriction.objects.update_or_create(
        case=case,
        document_key=document_key,
        guardian=guardian,
        defaults={
            "status": RestrictionStatus.IN_FORCE,
            "reason": reason.strip(),
            "restricted_by": user,
            "restricted_at": timezone.now(),
        },
    )
    event_write(
        case=case, kind=EventKind.PORTAL_VISIBILITY, actor=user, detail=guardian.recorded_name
    )
    return restriction


@transaction.atomic
def document_show(*, user: User, case: Case, restriction_id: int) -> None:
    """Raises ``GuardianRestriction.DoesNotExist`` for a row that is not on this case."""
    restriction = GuardianRestriction.objects.select_for_update().get(pk=restriction_id, case=case)
    if restriction.status != RestrictionStatus.IN_FORCE:
        raise ValidationError({"restriction": _("This document is not hidden.")})
    name = restriction.guardian.recorded_name
    restriction.delete()
    event_write(case=case, kind=EventKind.PORTAL_VISIBILITY, actor=user, detail=name)


# --- A young person asks that a guardian does not see something -----------------------------


def restriction_request(
    *, user: User, portal_case: PortalCase, document_key: str, title: str
) -> int:
    """A young person able to decide (from 12; the worker judges) asks that the guardians
    do not see one document or My voice answer. Records the request for each guardian not
    already kept from it, writes the chronology event and tells the worker (no content).
    The caller has checked that ``document_key`` is the young person's to ask about.
    Returns how many guardians the request reaches."""
    case = portal_case.case
    if not may_ask_privacy(portal_case):
        raise ValidationError({"__all__": _("Only a young person from 12 can ask this.")})
    guardians = case_guardians(case)
    if not guardians:
        raise ValidationError({"__all__": _("No guardian can see your matters here.")})
    now = timezone.now()
    asked = 0
    with transaction.atomic():
        rows = {
            r.guardian_id: r
            for r in GuardianRestriction.objects.select_for_update().filter(
                case=case, document_key=document_key
            )
        }
        for guardian in guardians:
            row = rows.get(guardian.pk)
            if row is not None and row.status != RestrictionStatus.DECLINED:
                continue  # already hidden, or already asked
            row = row or GuardianRestriction(
                case=case, document_key=document_key, guardian=guardian
            )
            row.status = RestrictionStatus.REQUESTED
            row.requested_by, row.requested_at = portal_case.client, now
            row.reason, row.judged_able = "", None
            row.restricted_by, row.restricted_at = None, None
            row.save()
            asked += 1
        if asked:
            event_write(
                case=case,
                kind=EventKind.PORTAL_VISIBILITY,
                actor=user,
                detail=_("The young person asked that the guardians do not see: %(title)s")
                % {"title": title},
            )
            notify(
                users=workers_to_notify(case),
                kind="privacy_request",
                message=gettext_noop(
                    "A young person asked that a guardian does not see something."
                ),
                link=reverse("case_portal", kwargs={"case_id": case.pk}),
            )
    return asked


def document_restriction_request(*, user: User, portal_case: PortalCase, document_key: str) -> int:
    """The young person's request about one document of their matter in the portal."""
    document = next((d for d in case_documents(portal_case.case) if d.key == document_key), None)
    if document is None:
        raise ValidationError({"__all__": _("Choose a document of your matter.")})
    return restriction_request(
        user=user,
        portal_case=portal_case,
        document_key=document_key,
        title=document.named,
    )


@transaction.atomic
def restriction_decide(
    *, user: User, case: Case, document_key: str, agree: bool, judged_able: bool, reason: str
) -> int:
    """The worker decides a young person's request: agree (the guardians no longer see it)
    only having judged the young person able to decide; either way with reasons. Returns
    the number of guardians' rows decided."""
    errors = {}
    if not reason.strip():
        errors["reason"] = _("Write the reasons for your decision.")
    if agree and not judged_able:
        errors["judged_able"] = _(
            "You can agree only when you judge that the young person can decide this."
        )
    rows = list(
        GuardianRestriction.objects.select_for_update().filter(
            case=case, document_key=document_key, status=RestrictionStatus.REQUESTED
        )
    )
    if not rows:
        errors["__all__"] = _("There is no open request about this.")
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    for row in rows:
        row.status = RestrictionStatus.IN_FORCE if agree else RestrictionStatus.DECLINED
        row.judged_able, row.reason = judged_able, reason.strip()
        row.restricted_by, row.restricted_at = user, now
        row.save()
    event_write(
        case=case,
        kind=EventKind.PORTAL_VISIBILITY,
        actor=user,
        detail=(
            _("Agreed: the guardians do not see it. %(reason)s")
            if agree
            else _("Not agreed: the guardians still see it. %(reason)s")
        )
        % {"reason": reason.strip()},
    )
    return len(rows)


@transaction.atomic
def child_portal_access_set(*, user: User, case: Case, allowed: bool) -> None:
    if allowed:
        ChildPortalAccess.objects.get_or_create(person=case.child, defaults={"allowed_by": user})
    else:
        ChildPortalAccess.objects.filter(person=case.child).delete()
    event_write(
        case=case, kind=EventKind.PORTAL_VISIBILITY, actor=user, detail=case.child.recorded_name
    )
