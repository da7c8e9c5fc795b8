"""A peer group's page: the journal read and written, joining and leaving. One flow for the
staff pages (views.py, rule DEVELOP) and the portal (portal_views.py, rule PORTAL); each
names its ``Side``: the template, the access rule, who writes and joins (a staff member's
account, or a client's row in the group's county register), its words and where it goes
next. The URLs and their decorators (which login page) stay with each side's views."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from monia.access import policy
from monia.access.policy import NotFound
from monia.accounts.models import User
from monia.peer import forms, selectors, services
from monia.peer.access import PeerAccess
from monia.ui.errors import apply_errors

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise


@dataclass(frozen=True)
class Side:
    template: str
    group_access: Callable[[User, int], PeerAccess]
    as_person: bool  # a portal client writes and joins as their register row
    group_url: str  # the group's page: after writing and joining
    left_url: str  # after leaving
    saved: StrPromise
    joined: StrPromise
    left: StrPromise


def _page(
    request: HttpRequest, side: Side, pa: PeerAccess, form: forms.JournalForm, **extra: Any
) -> HttpResponse:
    return render(
        request,
        side.template,
        {
            "pa": pa,
            "group": pa.group,
            "page": selectors.group_page(pa, policy.user_of(request)),
            "form": form,
            **extra,
        },
    )


def group(request: HttpRequest, side: Side, group_id: int) -> HttpResponse:
    """The group; its members and facilitators read and write the journal (POST)."""
    user = policy.user_of(request)
    pa = side.group_access(user, group_id)
    if request.method == "POST" and not pa.may_read_journal:
        raise NotFound
    form = forms.JournalForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        author = {"author_person": pa.person} if side.as_person else {"author": user}
        try:
            services.peer_journal_write(group=pa.group, **author, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(request, side.saved)
            return redirect(side.group_url, group_id=pa.group.pk)
    return _page(request, side, pa, form)


def join(request: HttpRequest, side: Side, group_id: int) -> HttpResponse:
    user = policy.user_of(request)
    pa = side.group_access(user, group_id)
    if not pa.may_join:
        raise NotFound
    joiner = {"person": pa.person} if side.as_person else {"user": user}
    try:
        services.peer_join(group=pa.group, **joiner)
    except ValidationError as exc:
        return _page(request, side, pa, forms.JournalForm(), join_errors=exc.messages)
    messages.success(request, side.joined)
    return redirect(side.group_url, group_id=pa.group.pk)


def leave(request: HttpRequest, side: Side, group_id: int) -> HttpResponse:
    pa = side.group_access(policy.user_of(request), group_id)
    if pa.membership is None or not pa.is_member:
        raise NotFound
    services.peer_leave(membership=pa.membership)
    messages.success(request, side.left)
    return redirect(side.left_url)
