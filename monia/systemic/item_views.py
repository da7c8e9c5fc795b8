"""One family at the team's weekly meeting: the page, and one view per thing written there
(the reflection, a new hypothesis, a revised hypothesis, a next step).

Every view opens the meeting through ``policy.meeting_get_for_user`` and the family through
``policy.case_get_for_user`` (MEETING: the team meeting's memo, which the team coordinator
writes too; logged); a form that fails validation re-renders the page with what was typed.
"""

from __future__ import annotations

from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from monia.access import policy
from monia.access.policy import Action
from monia.access.purposes import Purpose
from monia.accounts.models import User
from monia.casework.models import Case
from monia.systemic import forms, selectors, services
from monia.systemic.models import AgendaItem, MeetingStatus, TeamMeeting
from monia.ui.errors import apply_errors


def _open(
    request: HttpRequest, meeting_id: int, item_id: int
) -> tuple[User, TeamMeeting, AgendaItem, Case]:
    user = policy.user_of(request)
    meeting = policy.meeting_get_for_user(user, meeting_id)
    item: AgendaItem = get_object_or_404(meeting.items, pk=item_id)
    # The meeting's memo, not casework: the team coordinator writes it too.
    case = policy.case_get_for_user(
        user, item.case_id, purpose=Purpose.MEETING_REFLECTION, action=Action.MEETING
    )
    return user, meeting, item, case


def _page(
    request: HttpRequest,
    meeting: TeamMeeting,
    item: AgendaItem,
    case: Case,
    *,
    bound: dict[str, django_forms.Form] | None = None,
) -> HttpResponse:
    """The family's page; ``bound`` holds a form that failed, shown with what was typed."""
    bound = bound or {}
    reflection = getattr(item, "reflection", None)
    initial: dict[str, Any] = (
        {f: getattr(reflection, f) for f in services.REFLECTION_FIELDS} if reflection else {}
    )
    initial["lock_version"] = reflection.lock_version if reflection else 0
    hypotheses = list(selectors.hypotheses_for(case))
    revise_forms = [
        (
            h,
            bound.get(f"h{h.pk}")
            or forms.HypothesisForm(
                prefix=f"h{h.pk}",
                initial={
                    "statement": h.statement,
                    "supports": h.supports,
                    "test": h.test,
                    "status": h.status,
                },
            ),
        )
        for h in hypotheses
    ]
    return render(
        request,
        "systemic/meeting_item.html",
        {
            "meeting": meeting,
            "item": item,
            "case": case,
            "reflection_form": bound.get("reflection") or forms.ReflectionForm(initial=initial),
            "hypothesis_form": bound.get("hypothesis") or forms.HypothesisForm(prefix="new"),
            "step_form": bound.get("step")
            or forms.NextStepForm(
                owners=selectors.step_owners(case), initial={"owner": case.designated_worker_id}
            ),
            "revise_forms": revise_forms,
            "steps": case.next_steps.select_related("owner"),
            "is_open": meeting.status == MeetingStatus.PLANNED,
        },
    )


def _saved(request: HttpRequest, meeting: TeamMeeting, item: AgendaItem) -> HttpResponse:
    messages.success(request, _("Saved."))
    return redirect("meeting_item", meeting_id=meeting.pk, item_id=item.pk)


@login_required
@require_GET
def meeting_item(request: HttpRequest, meeting_id: int, item_id: int) -> HttpResponse:
    """One family at the meeting: reflection, hypotheses, next steps."""
    _user, meeting, item, case = _open(request, meeting_id, item_id)
    return _page(request, meeting, item, case)


@login_required
@require_POST
def meeting_item_reflection(request: HttpRequest, meeting_id: int, item_id: int) -> HttpResponse:
    """Save the team's reflection on the family (optimistic lock: nobody's text is lost)."""
    user, meeting, item, case = _open(request, meeting_id, item_id)
    form = forms.ReflectionForm(request.POST)
    if form.is_valid():
        data = dict(form.cleaned_data)
        lock_version = data.pop("lock_version")
        try:
            services.reflection_save(user=user, item=item, data=data, lock_version=lock_version)
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            return _saved(request, meeting, item)
    return _page(request, meeting, item, case, bound={"reflection": form})


@login_required
@require_POST
def meeting_item_hypothesis_add(
    request: HttpRequest, meeting_id: int, item_id: int
) -> HttpResponse:
    user, meeting, item, case = _open(request, meeting_id, item_id)
    form = forms.HypothesisForm(request.POST, prefix="new")
    if form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("status", None)
        try:
            services.hypothesis_add(user=user, case=case, meeting=meeting, **data)
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            return _saved(request, meeting, item)
    return _page(request, meeting, item, case, bound={"hypothesis": form})


@login_required
@require_POST
def meeting_item_hypothesis_revise(
    request: HttpRequest, meeting_id: int, item_id: int, hypothesis_id: int
) -> HttpResponse:
    """A hypothesis evolves from meeting to meeting: the revision is kept per meeting."""
    user, meeting, item, case = _open(request, meeting_id, item_id)
    hypothesis = get_object_or_404(case.hypotheses, pk=hypothesis_id)
    form = forms.HypothesisForm(request.POST, prefix=f"h{hypothesis.pk}")
    if form.is_valid():
        try:
            services.hypothesis_update(
                user=user, hypothesis=hypothesis, meeting=meeting, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            return _saved(request, meeting, item)
    return _page(request, meeting, item, case, bound={f"h{hypothesis.pk}": form})


@login_required
@require_POST
def meeting_item_step_add(request: HttpRequest, meeting_id: int, item_id: int) -> HttpResponse:
    """A next step with its owner: it lands on the owner's dashboard."""
    user, meeting, item, case = _open(request, meeting_id, item_id)
    form = forms.NextStepForm(request.POST, owners=selectors.step_owners(case))
    if form.is_valid():
        try:
            services.next_step_add(user=user, case=case, meeting=meeting, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            return _saved(request, meeting, item)
    return _page(request, meeting, item, case, bound={"step": form})
