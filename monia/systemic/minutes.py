"""The weekly meeting's minutes (muistio) as a PDF, in Finnish or Swedish.

ReportLab's platypus lays out an A4 document: the county, team, date, who was present and
who sent apologies, then each family discussed in agenda order with the reasons it was on
the agenda, the team's reflection, the hypotheses as they stood at that meeting and the
next steps agreed. Every page carries the secrecy marking and its number; the font,
styles and page marks are Monia's for every PDF (``monia.ui.pdf``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from monia.access import policy
from monia.access.policy import Action
from monia.accounts.models import User
from monia.casework.models import Case
from monia.systemic.models import (
    AgendaItem,
    AgendaReason,
    HypothesisRevision,
    HypothesisStatus,
    NextStep,
    Reflection,
    TeamMeeting,
)
from monia.systemic.selectors import Attendance, meeting_attendance
from monia.ui.pdf import WIDTH, marks, render
from monia.ui.pdf import date_text as _d
from monia.ui.pdf import para as _p
from monia.ui.pdf import table as _table

REFLECTION_FIELDS = ("worries", "working_well", "family_view", "therapist_action")


# --- What goes into the minutes -----------------------------------------------------------


@dataclass
class FamilyMinutes:
    item: AgendaItem
    reflection: Reflection | None
    hypotheses: list[HypothesisRevision] = field(default_factory=list)
    next_steps: list[NextStep] = field(default_factory=list)

    @property
    def case(self) -> Case:
        return self.item.case


@dataclass
class Minutes:
    meeting: TeamMeeting
    attendance: Attendance
    families: list[FamilyMinutes]
    omitted: int = 0  # families discussed that the reader may no longer see


def _hypotheses_at(
    meeting: TeamMeeting, case_ids: list[int]
) -> dict[int, list[HypothesisRevision]]:
    """Per case, each hypothesis as it stood at the meeting: its revision made at that
    meeting, else its latest revision before the meeting closed (or now, if open)."""
    cutoff = meeting.closed_at or timezone.now()
    revisions = (
        HypothesisRevision.objects.filter(hypothesis__case_id__in=case_ids)
        .filter(Q(meeting=meeting) | Q(recorded_at__lte=cutoff))
        .select_related("hypothesis")
        .order_by("recorded_at", "pk")
    )
    chosen: dict[int, HypothesisRevision] = {}
    for rev in revisions:  # oldest first: later ones win, a revision at this meeting wins
        current = chosen.get(rev.hypothesis_id)
        if current is None or rev.meeting_id == meeting.pk or current.meeting_id != meeting.pk:
            chosen[rev.hypothesis_id] = rev
    by_case: dict[int, list[HypothesisRevision]] = defaultdict(list)
    for rev in sorted(chosen.values(), key=lambda r: (r.hypothesis.created_at, r.hypothesis_id)):
        by_case[rev.hypothesis.case_id].append(rev)
    return by_case


def minutes_data(meeting: TeamMeeting, *, user: User | None = None) -> Minutes:
    """The minutes' content in four queries. With ``user``, families whose case the user
    may not see (e.g. moved to another team since) are left out and counted."""
    items = list(
        meeting.items.filter(discussed=True)
        .select_related("case__child", "reflection")
        .order_by("position", "pk")
    )
    shown = [i for i in items if user is None or policy.may(user, Action.VIEW, i.case)]
    case_ids = [i.case_id for i in shown]
    hypotheses = _hypotheses_at(meeting, case_ids)
    steps: dict[int, list[NextStep]] = defaultdict(list)
    for step in (
        NextStep.objects.filter(meeting=meeting, case_id__in=case_ids)
        .select_related("owner")
        .order_by("due_on", "pk")
    ):
        steps[step.case_id].append(step)
    families = [
        FamilyMinutes(
            item=i,
            reflection=getattr(i, "reflection", None),
            hypotheses=hypotheses[i.case_id],
            next_steps=steps[i.case_id],
        )
        for i in shown
    ]
    attendance = meeting_attendance(meeting)
    return Minutes(meeting, attendance, families, omitted=len(items) - len(shown))


# --- Layout -------------------------------------------------------------------------------


def _header(minutes: Minutes, language: str) -> list[Flowable]:
    meeting = minutes.meeting
    rows = [[_("Team"), meeting.team.localized_name(language)], [_("Date"), _d(meeting.held_on)]]
    rows += _attendance_rows(minutes.attendance)
    flow: list[Flowable] = [
        _p(meeting.team.county.localized_name(language), "county"),
        _p(_("Minutes of the team meeting"), "title"),
        _table(rows, [30 * mm, WIDTH - 30 * mm], header=False),
        Spacer(1, 2 * mm),
    ]
    if meeting.closed_at is None:
        flow.append(_p(_("Draft: the meeting has not been closed yet."), "muted"))
    if minutes.omitted:
        flow.append(
            _p(
                _("Families discussed but not shown to you: %(n)s.") % {"n": minutes.omitted},
                "muted",
            )
        )
    return flow


def _attendance_rows(attendance: Attendance) -> list[list[str]]:
    """Those present (guests by name) and those who sent apologies; the absent who sent no
    word are not listed, as in any minutes."""
    if not attendance.recorded:
        return [[_("Present"), _("Attendance was not recorded.")]]
    rows = [[_("Present"), ", ".join(attendance.present) or "—"]]
    if attendance.guests:
        rows.append([_("Guests"), ", ".join(attendance.guests)])
    rows.append([_("Apologies"), ", ".join(attendance.apologised) or "—"])
    return rows


def _reasons(codes: list[str]) -> str:
    labels = {c.value: str(c.label) for c in AgendaReason}
    return "; ".join(labels.get(code, code) for code in codes) or "—"


def _reflection(family: FamilyMinutes) -> list[Flowable]:
    if family.reflection is None:
        return [_p(_("No reflection was recorded."), "muted")]
    flow: list[Flowable] = []
    for name in REFLECTION_FIELDS:
        field = Reflection._meta.get_field(name)  # the model's own translated label
        assert isinstance(field, models.Field)
        flow += [_p(str(capfirst(field.verbose_name)), "h3"), _p(getattr(family.reflection, name))]
    return flow


def _hypotheses(family: FamilyMinutes) -> list[Flowable]:
    flow: list[Flowable] = [_p(_("Hypotheses"), "h3")]
    if not family.hypotheses:
        return [*flow, _p(_("No hypotheses."), "muted")]
    rows = [[_("Hypothesis"), _("Status"), _("What supports it"), _("What would test it")]]
    rows += [
        [r.statement, str(HypothesisStatus(r.status).label), r.supports, r.test]
        for r in family.hypotheses
    ]
    return [*flow, _table(rows, [0.36 * WIDTH, 0.14 * WIDTH, 0.25 * WIDTH, 0.25 * WIDTH])]


def _next_steps(family: FamilyMinutes) -> list[Flowable]:
    flow: list[Flowable] = [_p(_("Next steps"), "h3")]
    if not family.next_steps:
        return [*flow, _p(_("No next steps were agreed."), "muted")]
    rows = [[_("Next step"), _("Owner"), _("Due")]]
    rows += [[s.description, s.owner.display_name, _d(s.due_on)] for s in family.next_steps]
    return [*flow, _table(rows, [0.6 * WIDTH, 0.25 * WIDTH, 0.15 * WIDTH])]


def _family(family: FamilyMinutes) -> list[Flowable]:
    child = family.case.child
    return [
        _p(child.full_name, "h2"),
        _p(_("Date of birth") + ": " + _d(child.birth_date)),
        _p(_("On the agenda because") + ": " + _reasons(family.item.reasons)),
        *_reflection(family),
        *_hypotheses(family),
        *_next_steps(family),
    ]


def minutes_render(minutes: Minutes, *, language: str, plain: bool = False) -> bytes:
    """Lay the minutes out in ``language`` (fi or sv). ``plain`` writes an uncompressed,
    reproducible file, for tests that read the text back."""
    with translation.override(language):
        meeting = minutes.meeting
        team = meeting.team.localized_name(language)
        flow = _header(minutes, language)
        for family in minutes.families:
            flow += [Spacer(1, 4 * mm), *_family(family)]
        if not minutes.families:
            flow.append(_p(_("No family was discussed."), "muted"))
        title = _("Minutes of the team meeting")
        head = f"{title} · {team} · {_d(meeting.held_on)}"
        children = ", ".join(f.case.child.full_name for f in minutes.families)
        return render(
            flow,
            title=f"{title} {team} {_d(meeting.held_on)}",
            language=language,
            marks=marks(running_head=head),
            plain=plain,
            subject=" · ".join(p for p in (team, _d(meeting.held_on), children) if p),
        )


def minutes_pdf(meeting: TeamMeeting, *, language: str, plain: bool = False) -> bytes:
    """The minutes of ``meeting`` as PDF bytes, in Finnish ("fi") or Swedish ("sv")."""
    return minutes_render(minutes_data(meeting), language=language, plain=plain)
