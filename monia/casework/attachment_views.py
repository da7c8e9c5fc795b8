"""An intake's files: listed, added and (by whoever added one, until the decision)
removed. Downloads go through ``attachments.views.case_attachment``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from monia.access import policy
from monia.access.policy import Action
from monia.access.purposes import Purpose
from monia.attachments import selectors as attachment_selectors
from monia.attachments.forms import AttachmentForm
from monia.casework import attachment_services
from monia.ui.errors import apply_errors


@login_required
@require_http_methods(["GET", "POST"])
def intake_attachments(request: HttpRequest, case_id: int, intake_id: int) -> HttpResponse:
    """CASE_VIEW lists the files; CASE_RECORD adds one or removes one's own (POST)."""
    user = policy.user_of(request)
    posted = request.method == "POST"
    action = Action.RECORD if posted else Action.VIEW
    case = policy.case_get_for_user(
        user, case_id, purpose=Purpose.INTAKE_ATTACHMENTS, action=action
    )
    intake = get_object_or_404(case.intakes, pk=intake_id)
    removing = posted and "remove" in request.POST
    form = AttachmentForm(request.POST, request.FILES) if posted and not removing else None
    if posted:
        try:
            if removing:
                raw = request.POST.get("remove", "")
                attachment_services.intake_attachment_remove(
                    user=user, intake=intake, attachment_id=int(raw) if raw.isdigit() else 0
                )
                messages.success(request, _("The file was removed."))
                return redirect("intake_attachments", case_id=case.pk, intake_id=intake.pk)
            if form is not None and form.is_valid():
                attachment_services.intake_attachment_add(
                    user=user, intake=intake, upload=form.cleaned_data["attachment"]
                )
                messages.success(request, _("The file was attached."))
                return redirect("intake_attachments", case_id=case.pk, intake_id=intake.pk)
        except ValidationError as exc:
            if form is None:
                messages.error(request, " ".join(exc.messages))
                return redirect("intake_attachments", case_id=case.pk, intake_id=intake.pk)
            apply_errors(exc, form)
    files = attachment_selectors.files_of("intake", [intake.pk])[intake.pk]
    context = {
        "case": case,
        "intake": intake,
        "files": attachment_selectors.shown(
            files, lambda a: reverse("case_attachment", args=[case.pk, a.pk])
        ),
        "may_add": policy.may(user, Action.RECORD, case),
        "removable": intake.decision == "",
        "form": form or AttachmentForm(),
    }
    return render(request, "casework/intake_attachments.html", context)
