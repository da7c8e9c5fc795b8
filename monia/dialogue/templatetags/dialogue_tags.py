"""Template tags that let other apps' pages show the dialogue without touching their views:
the portal nav's unread count and the plan page's entries for the review."""

from __future__ import annotations

from django import template

from monia.casework.models import Case
from monia.dialogue import selectors
from monia.dialogue.models import JournalEntry
from monia.portal.access import PortalCase

register = template.Library()


@register.simple_tag
def portal_unread_messages(pc: PortalCase) -> int:
    """One COUNT query: the workers' messages this client has not read yet."""
    return selectors.portal_unread_count(case_id=pc.case.pk, client_id=pc.client.pk)


@register.simple_tag
def plan_review_entries(case: Case) -> list[JournalEntry]:
    """The journal entries brought to the plan review. The page showing them has opened
    the case through the policy (and logged the read)."""
    return selectors.plan_review_entries(case)


@register.filter
def consent_of(consents: dict[int, object], entry_id: int) -> object:
    """The live excerpt consent of a journal entry, from the page's dict (no query)."""
    return consents.get(entry_id) if consents else None
