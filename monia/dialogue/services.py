"""Writes of the dialogue: secure messages and the co-research journal.

Each service checks its input and raises ``ValidationError({field: message})`` before it
writes anything, then writes in one transaction; notifications go out on commit and name
nobody and quote nothing (monia/notify): an e-mail only says that something new waits.
"""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from monia.accounts.models import User
from monia.casework.case_services import sent_before
from monia.casework.models import Case
from monia.dialogue import selectors
from monia.dialogue.models import BODY_MAX, Helps, JournalEntry, Message, MessageThread
from monia.notify.services import notify
from monia.people.models import Person
from monia.portal.access import PortalCase
from monia.portal.services import workers_to_notify

NOTIFICATION_KIND = "message"
TO_STAFF = gettext_noop("You have a new message from a client in Monia.")
TO_CLIENT = gettext_noop("You have a new message in Monia.")


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("Write a message first.")})
    if len(body) > BODY_MAX:
        raise ValidationError({"body": _("The text is too long. Use at most 5000 characters.")})
    return body


def _clean_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write your thought first.")})
    if len(text) > BODY_MAX:
        raise ValidationError({"text": _("The text is too long. Use at most 5000 characters.")})
    return text


def _clean_client(case: Case, client_id: int) -> Person:
    client = next((p for p in selectors.case_clients(case) if p.pk == client_id), None)
    if client is None:
        raise ValidationError({"client": _("Choose the child or a guardian of this case.")})
    return client


def _client_users(person: Person) -> list[User]:
    """The portal login of this person, if they have logged in at least once."""
    if not person.identity_code_canonical:
        return []
    return list(
        User.objects.filter(
            client_account__identity_code_canonical=person.identity_code_canonical,
            is_active=True,
        )
    )


@transaction.atomic
def message_send_from_client(
    *, user: User, portal_case: PortalCase, body: str, submission_key: uuid.UUID | None = None
) -> Message:
    """The client writes in their own thread; the worker (or the team) is notified. The
    same form sent twice (a double click, "Back" and send) saves and notifies once."""
    sent = sent_before(Message.objects.all(), submission_key, owner="sender_id", user=user)
    if sent is not None:
        return sent
    body = _clean_body(body)
    case = portal_case.case
    thread, _created = MessageThread.objects.get_or_create(case=case, client=portal_case.client)
    message = Message.objects.create(
        thread=thread, sender=user, from_client=True, body=body, submission_key=submission_key
    )
    notify(
        users=workers_to_notify(case),
        kind=NOTIFICATION_KIND,
        message=TO_STAFF,
        link=reverse("case_message_thread", kwargs={"case_id": case.pk, "thread_id": thread.pk}),
    )
    return message


@transaction.atomic
def message_reply(
    *, user: User, thread: MessageThread, body: str, submission_key: uuid.UUID | None = None
) -> Message:
    """A worker answers in a thread; the client's portal login is notified. The same form
    sent twice saves and notifies once."""
    sent = sent_before(Message.objects.all(), submission_key, owner="sender_id", user=user)
    if sent is not None:
        return sent
    body = _clean_body(body)
    now = timezone.now()
    message = Message.objects.create(
        thread=thread,
        sender=user,
        from_client=False,
        body=body,
        sent_at=now,
        submission_key=submission_key,
    )
    # Whoever answers has read what the client wrote before.
    thread.messages.filter(from_client=True, read_by_staff_at__isnull=True).update(
        read_by_staff_at=now
    )
    notify(
        users=_client_users(thread.client),
        kind=NOTIFICATION_KIND,
        message=TO_CLIENT,
        link=reverse("portal_messages", kwargs={"case_id": thread.case_id}),
    )
    return message


@transaction.atomic
def message_send_to_client(
    *,
    user: User,
    case: Case,
    client_id: int,
    body: str,
    submission_key: uuid.UUID | None = None,
) -> Message:
    """A worker starts (or continues) the conversation with the child or a guardian."""
    sent = sent_before(Message.objects.all(), submission_key, owner="sender_id", user=user)
    if sent is not None:
        return sent
    client = _clean_client(case, client_id)
    body = _clean_body(body)
    thread, _created = MessageThread.objects.get_or_create(case=case, client=client)
    return message_reply(user=user, thread=thread, body=body, submission_key=submission_key)


def thread_mark_read_by_client(*, thread: MessageThread) -> int:
    return thread.messages.filter(from_client=False, read_by_client_at__isnull=True).update(
        read_by_client_at=timezone.now()
    )


def thread_mark_read_by_staff(*, thread: MessageThread) -> int:
    return thread.messages.filter(from_client=True, read_by_staff_at__isnull=True).update(
        read_by_staff_at=timezone.now()
    )


def _clean_helps(helps: str) -> str:
    if helps not in Helps.values:
        raise ValidationError({"helps": _("Choose whether it helps.")})
    return helps


@transaction.atomic
def journal_entry_add_by_client(
    *,
    user: User,
    portal_case: PortalCase,
    text: str,
    helps: str,
    submission_key: uuid.UUID | None = None,
) -> JournalEntry:
    """The client writes in their own journal of the case; the same form sent twice
    saves one entry."""
    saved = sent_before(JournalEntry.objects.all(), submission_key, owner="author_id", user=user)
    if saved is not None:
        return saved
    text, helps = _clean_text(text), _clean_helps(helps)
    return JournalEntry.objects.create(
        case=portal_case.case,
        client=portal_case.client,
        author=user,
        author_person=portal_case.client,
        text=text,
        helps=helps,
        submission_key=submission_key,
    )


@transaction.atomic
def journal_entry_add_by_worker(
    *,
    user: User,
    case: Case,
    client_id: int,
    text: str,
    helps: str,
    submission_key: uuid.UUID | None = None,
) -> JournalEntry:
    """A worker writes in the journal shared with the child or with one guardian; the same
    form sent twice saves one entry."""
    saved = sent_before(JournalEntry.objects.all(), submission_key, owner="author_id", user=user)
    if saved is not None:
        return saved
    client = _clean_client(case, client_id)
    text, helps = _clean_text(text), _clean_helps(helps)
    return JournalEntry.objects.create(
        case=case,
        client=client,
        author=user,
        author_person=None,
        text=text,
        helps=helps,
        submission_key=submission_key,
    )


@transaction.atomic
def journal_entry_bring_to_plan_review(*, user: User, case: Case, entry_id: int) -> JournalEntry:
    """Mark an entry to be discussed at the client plan's review (LsL 30 §)."""
    entry = JournalEntry.objects.select_for_update().filter(pk=entry_id, case=case).first()
    if entry is None:
        raise ValidationError({"entry": _("This entry is not in this case's journal.")})
    if not entry.for_plan_review:  # the first worker to bring it stays recorded
        entry.for_plan_review = True
        entry.brought_by = user
        entry.brought_at = timezone.now()
        entry.save(update_fields=["for_plan_review", "brought_by", "brought_at"])
    return entry
