"""The feedback questionnaires on other apps' pages, fetched here so those apps stay below
this one: the portal's front page (the client's open invitations) and the worker's client
plan page (the child's own answers: the child's experience). The plan page's view has
opened the case through the policy (logged); the tag reads only within that case, and
only the child's own answers, so it logs nothing more."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import get_language

from monia.accounts.models import User
from monia.casework.models import Case
from monia.feedback import selectors
from monia.feedback.models import Invitation

register = template.Library()


@register.simple_tag
def open_feedback(user: User) -> list[Invitation]:
    """The user's unanswered invitations still open."""
    if not user.is_authenticated:
        return []
    return selectors.open_invitations(user)


@register.inclusion_tag("feedback/_child_experience.html")
def child_experience(case: Case) -> dict[str, Any]:
    """The child's own answers asked in this case, with their dates."""
    language = (get_language() or "fi")[:2]
    return {"experiences": selectors.child_experience(case, language=language), "case": case}
