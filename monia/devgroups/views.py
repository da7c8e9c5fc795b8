"""The developer groups' pages (issue 16). Who may do what: ``devgroups/access.py``; a refusal
answers 404 like a missing page. No client data."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from monia.access import policy
from monia.devgroups import access, forms, selectors, services
from monia.devgroups.models import IdeaStatus
from monia.ui.errors import posted, saved_by

GET_POST = require_http_methods(["GET", "POST"])


@login_required
@require_GET
def devgroups(request: HttpRequest) -> HttpResponse:
    user = policy.user_of(request)
    access.require(access.may_use(user))
    return render(
        request,
        "devgroups/groups.html",
        {"groups": selectors.groups_for_user(user), "may_create": access.may_create_groups(user)},
    )


@login_required
@GET_POST
def devgroup_new(request: HttpRequest) -> HttpResponse:
    user = policy.user_of(request)
    access.require(access.may_create_groups(user))
    form = forms.GroupForm(posted(request))
    made: list[Any] = []
    if saved_by(
        request,
        form,
        lambda d: made.append(services.developer_group_create(county=user.county, **d)),
    ):
        messages.success(request, _("The developer group was created."))
        return redirect("devgroup_members", group_id=made[0].pk)
    return render(request, "devgroups/group_new.html", {"form": form})


@login_required
@GET_POST
def devgroup_edit(request: HttpRequest, group_id: int) -> HttpResponse:
    """Fix the group's name, theme or description: the chair, the secretary, the coordinator.
    A save over someone else's newer save is refused and the typed text stays."""
    user = policy.user_of(request)
    ga = access.group_access(user, group_id)
    access.require(ga.may_edit_group)
    group = ga.group
    initial = {f: getattr(group, f) for f in ("name", "theme", "description", "version")}
    form = forms.GroupEditForm(posted(request), initial=initial)

    def update(d: dict[str, Any]) -> None:
        version = d.pop("version")
        services.developer_group_update(
            group=group, version=version if version is not None else -1, user=user, **d
        )

    if saved_by(request, form, update):
        messages.success(request, _("The group's details were saved."))
        return redirect("devgroup_detail", group_id=group.pk)
    return render(request, "devgroups/group_edit.html", {"group": group, "form": form})


@login_required
@require_GET
def devgroup_detail(request: HttpRequest, group_id: int) -> HttpResponse:
    user = policy.user_of(request)
    ga = access.group_access(user, group_id)
    status = request.GET.get("status", "")
    page = selectors.group_page(ga, status=status, now=timezone.now())
    return render(
        request,
        "devgroups/group.html",
        {
            "ga": ga,
            "group": ga.group,
            "page": page,
            "status": status if status in IdeaStatus.values else "",
            "statuses": IdeaStatus.choices,
        },
    )


@login_required
@GET_POST
def devgroup_members(request: HttpRequest, group_id: int) -> HttpResponse:
    """The coordinator adds members and names the chair and the secretary."""
    user = policy.user_of(request)
    ga = access.group_access(user, group_id)
    access.require(ga.may_manage)
    form = forms.MemberForm(posted(request), candidates=selectors.member_candidates(ga.group))
    if saved_by(request, form, lambda d: services.developer_member_add(group=ga.group, **d)):
        messages.success(request, _("The member was added."))
        return redirect("devgroup_members", group_id=ga.group.pk)
    members = ga.group.members.select_related("user").order_by("role", "user__last_name")
    return render(
        request, "devgroups/members.html", {"group": ga.group, "members": members, "form": form}
    )


@login_required
@require_POST
def devgroup_member_remove(request: HttpRequest, group_id: int, membership_id: int) -> HttpResponse:
    """The coordinator takes a member out of the group; the ideas they own keep no owner."""
    user = policy.user_of(request)
    ga = access.group_access(user, group_id)
    access.require(ga.may_manage)
    services.developer_member_remove(membership=selectors.membership_get(ga, membership_id))
    messages.success(request, _("The member was removed from the group."))
    return redirect("devgroup_members", group_id=ga.group.pk)


@login_required
@GET_POST
def devgroup_meeting_new(request: HttpRequest, group_id: int) -> HttpResponse:
    user = policy.user_of(request)
    ga = access.group_access(user, group_id)
    access.require(ga.may_keep_memo)
    form = forms.MeetingForm(posted(request))
    made: list[Any] = []
    if saved_by(
        request, form, lambda d: made.append(services.group_meeting_create(group=ga.group, **d))
    ):
        messages.success(request, _("The meeting was added."))
        return redirect("devgroup_meeting", group_id=ga.group.pk, meeting_id=made[0].pk)
    return render(request, "devgroups/meeting_new.html", {"group": ga.group, "form": form})


@login_required
@GET_POST
def devgroup_meeting(request: HttpRequest, group_id: int, meeting_id: int) -> HttpResponse:
    """The agenda and the memo; the chair, the secretary and the coordinator write them."""
    user = policy.user_of(request)
    ga = access.group_access(user, group_id)
    meeting = selectors.meeting_get(ga, meeting_id)
    if request.method == "POST":
        access.require(ga.may_keep_memo)
    form = forms.MemoForm(posted(request), initial={"agenda": meeting.agenda, "memo": meeting.memo})
    if ga.may_keep_memo and saved_by(
        request,
        form,
        lambda d: services.group_meeting_memo_save(user=user, meeting=meeting, **d),
    ):
        messages.success(request, _("The agenda and the memo were saved."))
        return redirect("devgroup_meeting", group_id=ga.group.pk, meeting_id=meeting.pk)
    return render(
        request,
        "devgroups/meeting.html",
        {"ga": ga, "group": ga.group, "meeting": meeting, "form": form},
    )


@login_required
@GET_POST
def devgroup_idea_new(request: HttpRequest, group_id: int) -> HttpResponse:
    user = policy.user_of(request)
    ga = access.group_access(user, group_id)
    access.require(ga.may_write_ideas)
    form = forms.IdeaForm(
        posted(request), owners=selectors.member_users(ga.group), initial={"status": "proposed"}
    )

    def create(d: dict[str, Any]) -> None:
        d.pop("version", None)
        services.idea_create(user=user, group=ga.group, fields=services.IdeaFields(**d))

    if saved_by(request, form, create):
        messages.success(request, _("The idea was added to the backlog."))
        return redirect("devgroup_detail", group_id=ga.group.pk)
    return render(request, "devgroups/idea_form.html", {"group": ga.group, "form": form})


@login_required
@GET_POST
def devgroup_idea_edit(request: HttpRequest, group_id: int, idea_id: int) -> HttpResponse:
    user = policy.user_of(request)
    ga = access.group_access(user, group_id)
    access.require(ga.may_write_ideas)
    idea = selectors.idea_get(ga, idea_id)
    initial = {
        f: getattr(idea, f)
        for f in (
            "title",
            "description",
            "status",
            "outcome",
            "practice_description_title",
            "practice_description_url",
            "version",
        )
    }
    initial["owner"] = idea.owner_id
    form = forms.IdeaForm(posted(request), owners=selectors.member_users(ga.group), initial=initial)

    def update(d: dict[str, Any]) -> None:
        version = d.pop("version")
        fields = services.IdeaFields(**d)
        services.idea_update(
            idea=idea, version=-1 if version is None else version, fields=fields, user=user
        )

    if saved_by(request, form, update):
        messages.success(request, _("The idea was saved."))
        return redirect("devgroup_detail", group_id=ga.group.pk)
    return render(
        request, "devgroups/idea_form.html", {"group": ga.group, "form": form, "idea": idea}
    )
