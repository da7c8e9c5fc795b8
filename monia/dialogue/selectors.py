"""Reads of the dialogue. Every function takes a case the policy has already opened
(``portal.access.portal_case_get`` for clients, ``policy.case_get_for_user`` for staff); a client
function also takes the client's own person (``PortalCase.client``), so a client only ever
reaches their own thread and journal."""

from __future__ import annotations

import dataclasses
import datetime

from django.db.models import Count, Max, Q
from django.utils import timezone

from monia.casework.models import Case
from monia.dialogue.models import JournalEntry, Message, MessageThread
from monia.people.models import Person
from monia.portal.access import ADULT_AGE, age_on


def case_clients(case: Case) -> list[Person]:
    """The persons who may have a thread or a journal on this case: the child, and the
    guardians while the child is under 18 (an adult's matters are their own)."""
    from monia.portal.document_selectors import case_guardians

    age = age_on(case.child.birth_date, timezone.localdate())
    guardians = case_guardians(case) if age is None or age < ADULT_AGE else []
    return [case.child, *guardians]


def thread_for(*, case: Case, client: Person) -> MessageThread | None:
    return MessageThread.objects.filter(case=case, client=client).first()


def thread_get_for_case(*, case: Case, thread_id: int) -> MessageThread | None:
    """A thread of this case; another case's thread answers like a missing one."""
    return MessageThread.objects.select_related("client").filter(pk=thread_id, case=case).first()


def thread_messages(thread: MessageThread | None) -> list[Message]:
    """The whole conversation in one query."""
    if thread is None:
        return []
    return list(thread.messages.select_related("sender"))


@dataclasses.dataclass(frozen=True)
class ThreadRow:
    thread: MessageThread
    unread: int
    last_at: datetime.datetime | None
    total: int


def case_threads(case: Case) -> list[ThreadRow]:
    """The case's threads with the client messages no worker has read yet: one query."""
    rows = (
        MessageThread.objects.filter(case=case)
        .select_related("client")
        .annotate(
            unread=Count(
                "messages",
                filter=Q(messages__from_client=True, messages__read_by_staff_at__isnull=True),
            ),
            total=Count("messages"),
            last_at=Max("messages__sent_at"),
        )
        .order_by("-last_at", "pk")
    )
    return [ThreadRow(thread=t, unread=t.unread, last_at=t.last_at, total=t.total) for t in rows]


def portal_unread_count(*, case_id: int, client_id: int) -> int:
    """The workers' messages the client has not read yet: one COUNT for the portal nav."""
    return Message.objects.filter(
        thread__case_id=case_id,
        thread__client_id=client_id,
        from_client=False,
        read_by_client_at__isnull=True,
    ).count()


def journal_entries(*, case: Case, client: Person) -> list[JournalEntry]:
    """One journal: the client's and the workers' entries, oldest first."""
    return list(
        JournalEntry.objects.select_related("author", "author_person", "brought_by").filter(
            case=case, client=client
        )
    )


@dataclasses.dataclass(frozen=True)
class Journal:
    client: Person
    entries: list[JournalEntry]


def case_journals(case: Case) -> list[Journal]:
    """Every journal of the case (one per client who has one), in one query."""
    entries = JournalEntry.objects.select_related(
        "author", "author_person", "brought_by", "client"
    ).filter(case=case)
    by_client: dict[int, Journal] = {}
    for entry in entries:
        journal = by_client.setdefault(entry.client_id, Journal(client=entry.client, entries=[]))
        journal.entries.append(entry)
    return list(by_client.values())


def plan_review_entries(case: Case) -> list[JournalEntry]:
    """The entries a worker brought to the client plan's review."""
    return list(
        JournalEntry.objects.select_related("author", "author_person", "client", "brought_by")
        .filter(case=case, for_plan_review=True)
        .order_by("brought_at", "pk")
    )
