"""The peer groups' staff pages (issue 16, rule DEVELOP): the list, a group with its shared
journal, sign-up for workers; the coordinator creates groups, the coordinator and the
facilitators edit them. Who may: ``peer/access.py``."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from monia.access import policy
from monia.access.policy import NotFound
from monia.peer import access, forms, group_views, selectors, services
from monia.ui.errors import apply_errors, posted, saved_by

GET_POST = require_http_methods(["GET", "POST"])

STAFF = group_views.Side(
    template="peer/group.html",
    group_access=access.staff_group_access,
    as_person=False,
    group_url="peer_group",
    left_url="peer_groups",
    saved=gettext_lazy("Saved in the journal."),
    joined=gettext_lazy("You joined the group."),
    left=gettext_lazy("You left the group."),
)


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


@login_required
@GET_POST
def peer_group_edit(request: HttpRequest, group_id: int) -> HttpResponse:
    """Edit the group's details: its facilitators and the coordinator (``PeerAccess.may_edit``)."""
    user = policy.user_of(request)
    pa = access.staff_group_access(user, group_id)
    if not pa.may_edit:
        raise NotFound
    form = forms.PeerGroupEditForm(
        posted(request),
        candidates=selectors.facilitator_candidates(pa.group.county_id),
        initial=selectors.group_edit_initial(pa.group),
        audience_locked=selectors.audience_locked(pa.group),
        facilitators_editable=pa.may_change_facilitators,
    )

    def update(cleaned: dict[str, Any]) -> None:
        data = dict(cleaned)
        version = data.pop("version")
        if "facilitators" in data:
            data["facilitators"] = list(data["facilitators"])
        services.peer_group_update(
            group=pa.group, version=-1 if version is None else version, user=user, **data
        )

    if saved_by(request, form, update):
        messages.success(request, _("The group's details were saved."))
        return redirect("peer_group", group_id=pa.group.pk)
    return render(
        request,
        "peer/group_edit.html",
        {
            "group": pa.group,
            "form": form,
            "facilitators": None
            if pa.may_change_facilitators
            else selectors.group_facilitators(pa.group),
        },
    )


@login_required
@GET_POST
def peer_group(request: HttpRequest, group_id: int) -> HttpResponse:
    """The group; its members and facilitators read and write the journal (POST)."""
    return group_views.group(request, STAFF, group_id)


@login_required
@require_POST
def peer_group_join(request: HttpRequest, group_id: int) -> HttpResponse:
    return group_views.join(request, STAFF, group_id)


@login_required
@require_POST
def peer_group_leave(request: HttpRequest, group_id: int) -> HttpResponse:
    return group_views.leave(request, STAFF, group_id)


@login_required
@require_POST
def peer_group_sign_up(request: HttpRequest, group_id: int) -> HttpResponse:
    """A facilitator or the coordinator opens or closes the group's sign-up."""
    user = policy.user_of(request)
    pa = access.staff_group_access(user, group_id)
    if not pa.may_open_or_close:
        raise NotFound
    opening = request.POST.get("open") == "1"
    services.peer_group_sign_up_set(group=pa.group, open_for_sign_up=opening, user=user)
    messages.success(request, _("Sign-up is open.") if opening else _("Sign-up is closed."))
    return redirect("peer_group", group_id=pa.group.pk)
