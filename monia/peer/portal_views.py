"""The peer groups in the participation portal (issue 16, rule PORTAL): a parent or a young
person sees the open groups for them, signs up and writes in the group's journal."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from monia.access import policy
from monia.access.policy import NotFound
from monia.peer import access, group_views, selectors
from monia.portal import access as portal_access

PORTAL = group_views.Side(
    template="peer/portal_group.html",
    group_access=access.portal_group_access,
    as_person=True,
    group_url="portal_peer_group",
    left_url="portal_peer",
    saved=_("Saved. The group can read it now."),
    joined=_("You are now in the group."),
    left=_("You left the group."),
)


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


@login_required(login_url="portal_login")
@require_http_methods(["GET", "POST"])
def portal_peer_group(request: HttpRequest, group_id: int) -> HttpResponse:
    return group_views.group(request, PORTAL, group_id)


@login_required(login_url="portal_login")
@require_POST
def portal_peer_join(request: HttpRequest, group_id: int) -> HttpResponse:
    return group_views.join(request, PORTAL, group_id)


@login_required(login_url="portal_login")
@require_POST
def portal_peer_leave(request: HttpRequest, group_id: int) -> HttpResponse:
    return group_views.leave(request, PORTAL, group_id)
