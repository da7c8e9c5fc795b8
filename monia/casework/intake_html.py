"""The case page's intakes, written as HTML in one pass per intake.

The case page shows the ten newest intakes (every one on asking). Through the template
language each cost about 0.3 ms of CPU, a third of the page's template (issue 15,
docs/performance.md "Seventh pass"). As ``web.dashboard_html``: every text is escaped,
the dates and labels come from the functions of the template filters they replace, and
the words are the template's own msgids.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from html import escape
from typing import Any

from django.template.defaultfilters import linebreaksbr
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from monia.casework.models import Case, Intake
from monia.casework.stages import StageActions
from monia.ui.rows import choice_label, day_month_year, id_url


class _Urls:
    """``{% url name case.pk id %}`` for each of the page's links, reversed once."""

    def __init__(self, case: Case) -> None:
        self.case_pk = case.pk
        self.parts: dict[str, tuple[str, str]] = {}

    def __call__(self, name: str, pk: int) -> str:
        if name not in self.parts:
            self.parts[name] = id_url(name, self.case_pk)
        before, after = self.parts[name]
        return escape(f"{before}{pk}{after}")


def _label(intake: Intake, field: str) -> str:
    return escape(str(choice_label(intake, field)))


def _when(moment: Any) -> str:
    """``{{ t|dmy_hm }}``: the moment in local time."""
    return day_month_year(timezone.localtime(moment) if moment else moment, with_time=True)


def _lines(text: str) -> str:
    """``{{ text|linebreaksbr }}`` with autoescape on."""
    return str(linebreaksbr(text, autoescape=True))


def _meta(i: Intake) -> str:
    out = f"{_label(i, 'channel')} · {_label(i, 'notifier_type')}"
    if i.notifier_sector:
        out += f" · {_label(i, 'notifier_sector')}"
    if i.notifier_name:
        out += f" · {escape(i.notifier_name)}"
    if i.notifier_organisation:
        out += f", {escape(i.notifier_organisation)}"
    if i.notifier_phone:
        out += f" · {escape(i.notifier_phone)}"
    return out


def _urgency(i: Intake, url: _Urls, now: StageActions) -> str:
    if i.urgency:
        out = f"<strong>{_label(i, 'urgency')}</strong> ({_when(i.urgency_assessed_at)})"
        if i.urgency_note:
            out += f" – {escape(i.urgency_note)}"
        return out
    out = escape(gettext("not assessed yet"))
    if i.pk in now.assess_urgency:
        text = escape(gettext("Assess urgency"))
        out += f' · <a href="{url("intake_urgency", i.pk)}">{text}</a>'
    return out


def _decision(i: Intake, url: _Urls, now: StageActions) -> str:
    if i.decision:
        out = f"<strong>{_label(i, 'decision')}</strong> {day_month_year(i.decided_on)}"
        if i.family_told_on:
            told = escape(gettext("family told"))
            out += f" · {told} {day_month_year(i.family_told_on)}"
        if i.decision_reason:
            out += f" – {escape(i.decision_reason)}"
        return out
    out = escape(gettext("due by %(d)s") % {"d": day_month_year(i.decision_due)})
    if i.pk in now.decide_intake:
        text = escape(gettext("Record the decision"))
        out += f' · <a href="{url("intake_decision", i.pk)}">{text}</a>'
    return out


def _files(i: Intake, url: _Urls, files: Iterable[Any], may_record: bool) -> str:
    kept = [
        f'<a href="{url("case_attachment", a.pk)}" download>{escape(a.original_name)}</a>'
        for a in files
        if not a.removed
    ]
    listed = ", ".join(kept) if kept else escape(gettext("none"))
    see = gettext("Attach or see files") if may_record else gettext("See files")
    return f'{listed} · <a href="{url("intake_attachments", i.pk)}">{escape(see)}</a>'


def intake_articles(
    intakes: Iterable[Intake],
    *,
    case: Case,
    actions: Collection[str],
    now: StageActions,
    files: Mapping[int, list[Any]],
) -> SafeString:
    """An ``<article>`` per intake: what came in, from whom, its urgency, its decision, its
    files and what was done within the client relationship."""
    url = _Urls(case)
    may_record = "record" in actions
    words = {
        "told": escape(gettext("What the notifier told the family")),
        "together": escape(gettext("made together with the family")),
        "police": escape(gettext("Suspected crime: a police report is also due.")),
        "correct": escape(gettext("Correct the intake's text or notifier")),
        "urgency": escape(gettext("Urgency")),
        "decision": escape(gettext("Decision")),
        "files": escape(gettext("Attachments")),
        "client": escape(gettext("Within the client relationship")),
    }
    out = []
    for i in intakes:
        part = [
            '<article class="item">\n',
            f"<h3>{_label(i, 'kind')} · {_when(i.received_at)}</h3>\n",
            f'<p class="meta">{_meta(i)}</p>\n',
            f'<p class="meta">{words["told"]}: {_label(i, "family_informed")}',
            f" · {words['together']}" if i.family_participated else "",
            "</p>\n",
        ]
        if i.police_report_suspected:
            part.append(f'<p class="warning">{words["police"]}</p>\n')
        part.append(f'<p class="content">{_lines(i.content)}</p>\n')
        if may_record:
            part.append(f'<p><a href="{url("intake_correct", i.pk)}">{words["correct"]}</a></p>\n')
        part.append(f"<p>{words['urgency']}: {_urgency(i, url, now)}</p>\n")
        part.append(f"<p>{words['decision']}: {_decision(i, url, now)}</p>\n")
        part.append(f"<p>{words['files']}: {_files(i, url, files.get(i.pk, []), may_record)}</p>\n")
        if i.client_action:
            part.append(f"<p>{words['client']}: {_lines(i.client_action)}")
            if i.plan_review_by:
                forward = gettext("The plan review was brought forward to %(d)s.") % {
                    "d": day_month_year(i.plan_review_by)
                }
                part.append(f"<br>{escape(forward)}")
            part.append("</p>\n")
        part.append("</article>\n")
        out.append("".join(part))
    return mark_safe("".join(out))  # noqa: S308 - escaped above
