"""The peer groups' staff pages (issue 16, rule DEVELOP): the list, a group with its shared
journal, sign-up for workers; the coordinator creates groups. Who may: ``peer/access.py``."""

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
from monia.ui.errors import apply_errors

GET_POST = require_http_methods(["GET", "POST"])


@login_required
@require_GET
def peer_groups(request: HttpRequest) -> HttpResponse:
    user = policy.user_of(request)
    if not access.may_use(user):
        raise NotFound
    return render(
        request,
        "peer/groups.html",
        {
            "groups": selectors.staff_groups(user),
            "mine": selectors.my_memberships(user),
            "may_create": access.may_create_groups(user),
        },
    )


@login_required
@GET_POST
def peer_group_new(request: HttpRequest) -> HttpResponse:
    user = policy.user_of(request)
    if not access.may_create_groups(user):
        raise NotFound
    form = forms.PeerGroupForm(
        request.POST if request.method == "POST" else None,
        candidates=selectors.facilitator_candidates(user.county_id),
    )
    if request.method == "POST" and form.is_valid():
        data = {**form.cleaned_data, "facilitators": list(form.cleaned_data["facilitators"])}
        try:
            group = services.peer_group_create(county=user.county, **data)
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(request, _("The peer group was created."))
            return redirect("peer_group", group_id=group.pk)
    return render(request, "peer/group_new.html", {"form": form})


def _group_page(
    request: HttpRequest, pa: PeerAccess, form: forms.JournalForm, **extra: Any
) -> HttpResponse:
    return render(
        request,
        "peer/group.html",
        {
            "pa": pa,
            "group": pa.group,
            "page": selectors.group_page(pa, policy.user_of(request)),
            "form": form,
            **extra,
        },
    )


@login_required
@GET_POST
def peer_group(request: HttpRequest, group_id: int) -> HttpResponse:
    """The group; its members and facilitators read and write the journal (POST)."""
    user = policy.user_of(request)
    pa = access.staff_group_access(user, group_id)
    if request.method == "POST" and not pa.may_read_journal:
        raise NotFound
    form = forms.JournalForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.peer_journal_write(group=pa.group, author=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(request, _("Saved in the journal."))
            return redirect("peer_group", group_id=pa.group.pk)
    return _group_page(request, pa, form)


@login_required
@require_POST
def peer_group_join(request: HttpRequest, group_id: int) -> HttpResponse:
    user = policy.user_of(request)
    pa = access.staff_group_access(user, group_id)
    if not pa.may_join:
        raise NotFound
    try:
        services.peer_join(group=pa.group, user=user)
    except ValidationError as exc:
        return _group_page(request, pa, forms.JournalForm(), join_errors=exc.messages)
    messages.success(request, _("You joined the group."))
    return redirect("peer_group", group_id=pa.group.pk)


@login_required
@require_POST
def peer_group_leave(request: HttpRequest, group_id: int) -> HttpResponse:
    user = policy.user_of(request)
    pa = access.staff_group_access(user, group_id)
    if pa.membership is None or not pa.is_member:
        raise NotFound
    services.peer_leave(membership=pa.membership)
    messages.success(request, _("You left the group."))
    return redirect("peer_groups")


@login_required
@require_POST
def peer_group_sign_up(request: HttpRequest, group_id: int) -> HttpResponse:
    """A facilitator or the coordinator opens or closes the group's sign-up."""
    user = policy.user_of(request)
    pa = access.staff_group_access(user, group_id)
    if not pa.may_open_or_close:
        raise NotFound
    opening = request.POST.get("open") == "1"
    services.peer_group_sign_up_set(group=pa.group, open_for_sign_up=opening)
    messages.success(request, _("Sign-up is open.") if opening else _("Sign-up is closed."))
    return redirect("peer_group", group_id=pa.group.pk)
