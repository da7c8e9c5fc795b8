"""The peer groups in the participation portal (issue 16, rule PORTAL): a parent or a young
person sees the open groups for them, signs up and writes in the group's journal."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from monia.access import policy
from monia.access.policy import NotFound
from monia.peer import access, forms, selectors, services
from monia.peer.access import PeerAccess
from monia.portal import access as portal_access
from monia.ui.errors import apply_errors


@login_required(login_url="portal_login")
@require_GET
def portal_peer(request: HttpRequest) -> HttpResponse:
    user = policy.user_of(request)
    if not portal_access.is_client(user):
        raise NotFound
    return render(
        request,
        "peer/portal_groups.html",
        {"groups": selectors.portal_groups(user), "mine": selectors.my_memberships(user)},
    )


def _page(
    request: HttpRequest, pa: PeerAccess, form: forms.JournalForm, **extra: Any
) -> HttpResponse:
    return render(
        request,
        "peer/portal_group.html",
        {
            "pa": pa,
            "group": pa.group,
            "page": selectors.group_page(pa, policy.user_of(request)),
            "form": form,
            **extra,
        },
    )


@login_required(login_url="portal_login")
@require_http_methods(["GET", "POST"])
def portal_peer_group(request: HttpRequest, group_id: int) -> HttpResponse:
    user = policy.user_of(request)
    pa = access.portal_group_access(user, group_id)
    if request.method == "POST" and not pa.may_read_journal:
        raise NotFound
    form = forms.JournalForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.peer_journal_write(
                group=pa.group, author_person=pa.person, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(request, _("Saved. The group can read it now."))
            return redirect("portal_peer_group", group_id=pa.group.pk)
    return _page(request, pa, form)


@login_required(login_url="portal_login")
@require_POST
def portal_peer_join(request: HttpRequest, group_id: int) -> HttpResponse:
    user = policy.user_of(request)
    pa = access.portal_group_access(user, group_id)
    if not pa.may_join:
        raise NotFound
    try:
        services.peer_join(group=pa.group, person=pa.person)
    except ValidationError as exc:
        return _page(request, pa, forms.JournalForm(), join_errors=exc.messages)
    messages.success(request, _("You are now in the group."))
    return redirect("portal_peer_group", group_id=pa.group.pk)


@login_required(login_url="portal_login")
@require_POST
def portal_peer_leave(request: HttpRequest, group_id: int) -> HttpResponse:
    user = policy.user_of(request)
    pa = access.portal_group_access(user, group_id)
    if pa.membership is None or not pa.is_member:
        raise NotFound
    services.peer_leave(membership=pa.membership)
    messages.success(request, _("You left the group."))
    return redirect("portal_peer")
