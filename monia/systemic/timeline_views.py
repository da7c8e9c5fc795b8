"""The family's timeline, adding a life event, and the meeting minutes as PDF.

Thin: the case through ``policy.case_get_for_user``, the meeting's team through
``policy.team_get_for_user``; reads in ``timeline``/``minutes``, writes in ``services``.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from monia.access import policy
from monia.access.policy import Action
from monia.access.purposes import Purpose
from monia.systemic import minutes, services, timeline
from monia.ui.errors import apply_errors
from monia.ui.fields import MoniaForm
from monia.ui.languages import document_language_for
from monia.ui.widgets import DateInput


class LifeEventForm(MoniaForm):
    """Parses the life event; the rules are in ``services.life_event_add``. Kept here while
    the systemic forms module is being written by others."""

    occurred_on = forms.DateField(label=gettext_lazy("When"), widget=DateInput())
    title = forms.CharField(label=gettext_lazy("What happened"), max_length=200)
    description = forms.CharField(
        label=gettext_lazy("Details"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


@login_required
@require_GET
def case_timeline(request: HttpRequest, case_id: int) -> HttpResponse:
    user = policy.user_of(request)
    case = policy.case_get_for_user(user, case_id, purpose=Purpose.CASE_TIMELINE)
    entries = timeline.case_timeline(case)
    return render(
        request,
        "systemic/timeline/timeline.html",
        {
            "case": case,
            "years": timeline.by_year(entries),
            "strip": timeline.strip(entries),
            "actions": policy.allowed_actions(user, case),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def life_event_new(request: HttpRequest, case_id: int) -> HttpResponse:
    user = policy.user_of(request)
    case = policy.case_get_for_user(
        user, case_id, purpose=Purpose.LIFE_EVENT_NEW, action=Action.RECORD
    )
    form = LifeEventForm(
        request.POST if request.method == "POST" else None,
        initial={"occurred_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.life_event_add(user=user, case=case, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(exc, form)
        else:
            messages.success(request, _("The life event was added to the timeline."))
            return redirect("case_timeline", case_id=case.pk)
    return render(request, "systemic/timeline/life_event_new.html", {"case": case, "form": form})


@login_required
@require_GET
@never_cache
def meeting_minutes_pdf(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """The minutes for the meeting's team (and the county's senior officials) only; every
    child in them is logged."""
    user = policy.user_of(request)
    meeting = policy.meeting_get_for_user(user, meeting_id)
    language = document_language_for(request.GET.get("lang") or get_language())
    content = minutes.minutes_data(meeting, user=user)
    policy.log_case_list(user, [f.case for f in content.families], purpose=Purpose.MEETING_MINUTES)
    pdf = minutes.minutes_render(content, language=language)
    response = HttpResponse(pdf, content_type="application/pdf")
    # No child's name in the file name: it shows in download lists and browser history.
    name = f"minutes-{meeting.held_on:%Y-%m-%d}-{language}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response
