"""The genogram and ecomap pages, their SVG and PDF downloads, and the small forms that
add to them. Thin: each view asks the access policy for the case, reads or calls one
service, and renders. The figure always comes with its data as a table."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from monia.access import policy
from monia.access.policy import Action
from monia.access.purposes import Purpose
from monia.casework.models import Case
from monia.systemic import (
    diagram_forms,
    diagram_pdf,
    diagram_selectors,
    diagram_services,
    ecomap,
    genogram,
    genogram_legend,
)
from monia.systemic.models import DiagramKind, DiagramSnapshot
from monia.ui.errors import apply_errors

GET_POST = require_http_methods(["GET", "POST"])


@dataclass(frozen=True)
class Diagram:
    kind: str
    data: Any
    render: Any
    words: dict[str, Any]  # English words, marked lazily
    title: str  # a format string with %(name)s, translated when used
    data_heading: str  # translated when used
    print_tables: Any  # data -> the tables printed after the figure

    def labels(self) -> dict[str, str]:
        """The words in the active language."""
        return {key: str(word) for key, word in self.words.items()}

    def title_for(self, case: Case) -> str:
        return _(self.title) % {"name": case.child.full_name or _("unborn child")}

    def svg(self, case: Case, data: dict[str, Any]) -> str:
        return str(self.render(data, title=self.title_for(case), labels=self.labels()))


GENOGRAM = Diagram(
    DiagramKind.GENOGRAM,
    genogram.genogram_data,
    genogram.render_genogram_svg,
    genogram_legend.DEFAULT_LABELS,
    gettext_noop("Genogram of %(name)s"),
    gettext_noop("The genogram's data"),
    diagram_pdf.genogram_tables,
)
ECOMAP = Diagram(
    DiagramKind.ECOMAP,
    ecomap.ecomap_data,
    ecomap.render_ecomap_svg,
    ecomap.DEFAULT_LABELS,
    gettext_noop("Ecomap of %(name)s"),
    gettext_noop("The ecomap's data"),
    diagram_pdf.ecomap_tables,
)


def _data(
    request: HttpRequest, case: Case, diagram: Diagram
) -> tuple[dict[str, Any], DiagramSnapshot | None]:
    """The live data, or a stored version's when the page asks for one (?snapshot=)."""
    snapshot_id = request.GET.get("snapshot")
    if not snapshot_id:
        return diagram.data(case), None
    snapshot = diagram_selectors.snapshot_get(case, kind=diagram.kind, snapshot_id=snapshot_id)
    return snapshot.data, snapshot


def _page(request: HttpRequest, case_id: int, diagram: Diagram, **extra: Any) -> HttpResponse:
    user = policy.user_of(request)
    case = policy.case_get_for_user(user, case_id, purpose=diagram.kind)
    data, snapshot = _data(request, case, diagram)
    context = {
        "case": case,
        "kind": diagram.kind,
        "svg": mark_safe(diagram.svg(case, data)),  # noqa: S308 - our markup, names escaped
        "title": diagram.title_for(case),
        "snapshot": snapshot,
        "snapshots": diagram_selectors.snapshots_for(case, kind=diagram.kind),
        "may_record": policy.may(user, Action.RECORD, case) and snapshot is None,
        "version_form": diagram_forms.VersionSaveForm(),
        "query": f"?snapshot={snapshot.pk}" if snapshot else "",
    }
    for key, build in extra.items():
        context[key] = build(case, data)
    return render(request, f"systemic/diagrams/{diagram.kind}.html", context)


def _person_choices(data: dict[str, Any]) -> list[tuple[int, str]]:
    unnamed = _("Unborn child")
    return [(p["id"], p["name"] or unnamed) for p in data["persons"]]


@login_required
@require_GET
def genogram_page(request: HttpRequest, case_id: int) -> HttpResponse:
    return _page(
        request,
        case_id,
        GENOGRAM,
        table=lambda case, data: genogram.genogram_table(data),
        form=lambda case, data: diagram_forms.EmotionalTieForm(persons=_person_choices(data)),
    )


@login_required
@require_GET
def ecomap_page(request: HttpRequest, case_id: int) -> HttpResponse:
    return _page(
        request,
        case_id,
        ECOMAP,
        table=lambda case, data: ecomap.ecomap_table(data),
        form=lambda case, data: diagram_forms.NetworkTieForm(),
        today=lambda case, data: timezone.localdate(),
    )


def _download(request: HttpRequest, case_id: int, diagram: Diagram, fmt: str) -> HttpResponse:
    user = policy.user_of(request)
    case = policy.case_get_for_user(user, case_id, purpose=f"{diagram.kind}_{fmt}")
    data, snapshot = _data(request, case, diagram)
    svg = diagram.svg(case, data)
    day = timezone.localdate(snapshot.taken_at) if snapshot else timezone.localdate()
    # the file name says whose case only by number: names stay out of download folders
    filename = f"{diagram.kind}-{case.pk}-{day.isoformat()}.{fmt}"
    if fmt == "pdf":
        language = get_language()
        facts = diagram_pdf.print_facts(
            case,
            title=diagram.title_for(case),
            language=language,
            snapshot=snapshot,
            data_heading=_(diagram.data_heading),
            tables=diagram.print_tables(data),
        )
        response = HttpResponse(
            diagram_pdf.diagram_pdf(svg, facts, language=language),
            content_type="application/pdf",
        )
    else:
        response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_GET
def genogram_svg(request: HttpRequest, case_id: int) -> HttpResponse:
    return _download(request, case_id, GENOGRAM, "svg")


@login_required
@require_GET
def genogram_pdf(request: HttpRequest, case_id: int) -> HttpResponse:
    return _download(request, case_id, GENOGRAM, "pdf")


@login_required
@require_GET
def ecomap_svg(request: HttpRequest, case_id: int) -> HttpResponse:
    return _download(request, case_id, ECOMAP, "svg")


@login_required
@require_GET
def ecomap_pdf(request: HttpRequest, case_id: int) -> HttpResponse:
    return _download(request, case_id, ECOMAP, "pdf")


def _form_page(
    request: HttpRequest,
    case_id: int,
    *,
    purpose: str,
    form: Any,
    on_valid: Any,
    template: str,
    success: str,
    back: str,
) -> HttpResponse:
    """Check the right to record, validate, call the service, go back to the diagram."""
    user = policy.user_of(request)
    case = policy.case_get_for_user(user, case_id, purpose=purpose, action=Action.RECORD)
    bound = form(case, request.POST if request.method == "POST" else None)
    if request.method == "POST" and bound.is_valid():
        try:
            on_valid(user, case, bound.cleaned_data)
        except ValidationError as exc:
            apply_errors(exc, bound)
        else:
            messages.success(request, success)
            return redirect(back, case_id=case.pk)
    return render(request, template, {"case": case, "form": bound})


@login_required
@GET_POST
def emotional_tie_new(request: HttpRequest, case_id: int) -> HttpResponse:
    def form(case: Case, data: Any) -> diagram_forms.EmotionalTieForm:
        persons = _person_choices(genogram.genogram_data(case))
        return diagram_forms.EmotionalTieForm(data, persons=persons)

    return _form_page(
        request,
        case_id,
        purpose=Purpose.EMOTIONAL_TIE_NEW,
        form=form,
        on_valid=lambda user, case, d: diagram_services.emotional_tie_add(
            user=user,
            case=case,
            person_a_id=d["person_a"],
            person_b_id=d["person_b"],
            quality=d["quality"],
            note=d["note"],
        ),
        template="systemic/diagrams/emotional_tie_new.html",
        success=_("The relationship was added to the genogram."),
        back="genogram",
    )


@login_required
@GET_POST
def network_tie_new(request: HttpRequest, case_id: int) -> HttpResponse:
    return _form_page(
        request,
        case_id,
        purpose=Purpose.NETWORK_TIE_NEW,
        form=lambda case, data: diagram_forms.NetworkTieForm(data),
        on_valid=lambda user, case, d: diagram_services.network_tie_add(user=user, case=case, **d),
        template="systemic/diagrams/network_tie_new.html",
        success=_("The tie was added to the ecomap."),
        back="ecomap",
    )


@login_required
@GET_POST
def network_tie_end(request: HttpRequest, case_id: int) -> HttpResponse:
    """End a tie of the ecomap. The page lists the open ties, so it works without a script."""

    def form(case: Case, data: Any) -> diagram_forms.NetworkTieEndForm:
        ties = [(t.pk, t.name) for t in diagram_selectors.open_network_ties(case)]
        return diagram_forms.NetworkTieEndForm(data, ties=ties)

    def end(user: Any, case: Case, d: dict[str, Any]) -> None:
        tie = diagram_selectors.network_tie_get(case, d["tie"])
        diagram_services.network_tie_end(user=user, tie=tie, ended_on=d["ended_on"])

    return _form_page(
        request,
        case_id,
        purpose=Purpose.NETWORK_TIE_END,
        form=form,
        on_valid=end,
        template="systemic/diagrams/network_tie_end.html",
        success=_("The tie was ended; it stays in the versions saved before."),
        back="ecomap",
    )


def _snapshot_new(request: HttpRequest, case_id: int, diagram: Diagram) -> HttpResponse:
    """Save the diagram as it stands now (a confirmation page on GET)."""
    user = policy.user_of(request)
    case = policy.case_get_for_user(
        user, case_id, purpose=f"{diagram.kind}_snapshot", action=Action.RECORD
    )
    form = diagram_forms.VersionSaveForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        diagram_services.diagram_version_save(
            case=case, user=user, kind=diagram.kind, **form.cleaned_data
        )
        messages.success(request, _("A version was saved."))
        return redirect(diagram.kind, case_id=case.pk)
    return render(
        request,
        "systemic/diagrams/snapshot_new.html",
        {
            "case": case,
            "form": form,
            "title": diagram.title_for(case),
            "back": reverse(diagram.kind, kwargs={"case_id": case.pk}),
        },
    )


@login_required
@GET_POST
def genogram_snapshot_new(request: HttpRequest, case_id: int) -> HttpResponse:
    return _snapshot_new(request, case_id, GENOGRAM)


@login_required
@GET_POST
def ecomap_snapshot_new(request: HttpRequest, case_id: int) -> HttpResponse:
    return _snapshot_new(request, case_id, ECOMAP)
