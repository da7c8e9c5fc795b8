"""The case page's intakes, written in Python (``casework.intake_html``), say exactly what
the template said: each branch of an intake (notifier, urgency, decision, files, the client
relationship) checked against the template's own loop, in Finnish and Swedish, and every
text escaped."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from monia.casework.intake_html import intake_articles
from monia.casework.models import Case, Intake
from monia.casework.stages import StageActions

# The template's loop as it was (case_detail.html before the intakes moved to Python).
TEMPLATE = Template(
    "{% load i18n casework %}"
    + (Path(__file__).parent / "intakes_template_before.html").read_text(encoding="utf-8")
)


def _fold(html: str) -> str:
    return re.sub(r">\s+<", "><", html).strip()


def _intakes() -> list[Intake]:
    at = timezone.make_aware(datetime.datetime(2026, 11, 30, 16, 5))
    day = datetime.date(2026, 12, 2)
    bare = Intake(
        pk=11,
        kind="notification",
        channel="phone",
        received_at=at,
        notifier_type="obligated",
        family_informed="unknown",
        content="Yksi rivi",
        decision_due=day,
    )
    full = Intake(
        pk=12,
        kind="notification",
        channel="electronic",
        received_at=at,
        notifier_type="obligated",
        notifier_sector="school",
        notifier_name="Opettaja <Aino> & Co",
        notifier_organisation='Koulu "Keskus"',
        notifier_phone="040 000 0000",
        family_informed="yes",
        family_participated=True,
        police_report_suspected=True,
        content="Rivi <1>\nRivi & 2\r\nRivi 3",
        decision_due=day,
        urgency="urgent",
        urgency_assessed_at=at,
        urgency_note="Heti <b>",
        decision="start_assessment",
        decided_on=day,
        family_told_on=day,
        decision_reason="Syy & peruste",
        client_action="Tehtiin <x>\nja lisää",
        plan_review_by=day,
    )
    decided = Intake(
        pk=13,
        kind="notification",
        channel="form",
        received_at=at,
        notifier_type="obligated",
        family_informed="no",
        content="",
        decision_due=day,
        urgency="not_urgent",
        urgency_assessed_at=at,
        decision="no_action",
        decided_on=day,
        client_action="Vain teksti",
    )
    return [bare, full, decided]


def _files() -> dict[int, list[Any]]:
    def f(pk: int, name: str, removed: bool = False) -> Any:
        return SimpleNamespace(pk=pk, original_name=name, removed=removed)

    return {11: [], 12: [f(1, "a <1>.pdf"), f(2, "b&c.pdf"), f(3, "c.pdf")], 13: [f(4, "d.pdf")]}


@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("actions", [{"view", "record", "decide"}, {"view"}])
def test_the_intakes_read_as_the_template_wrote_them(language: str, actions: set[str]) -> None:
    case = Case(pk=7)
    intakes = _intakes()
    now = StageActions(assess_urgency=frozenset({11}), decide_intake=frozenset({11}))
    files = _files()
    with translation.override(language):
        expected = TEMPLATE.render(
            Context(
                {
                    "intakes": intakes,
                    "case": case,
                    "actions": actions,
                    "now": now,
                    "intake_files": files,
                }
            )
        )
        got = intake_articles(intakes, case=case, actions=actions, now=now, files=files)
    assert _fold(got) == _fold(expected)
    assert "<Aino>" not in got and "&lt;Aino&gt; &amp; Co" in got
    assert "Rivi &lt;1&gt;<br>Rivi &amp; 2<br>Rivi 3" in got


def test_a_removed_file_is_not_listed_and_leaves_no_stray_comma() -> None:
    intake = _intakes()[0]
    files = {
        11: [
            SimpleNamespace(pk=1, original_name="a.pdf", removed=False),
            SimpleNamespace(pk=2, original_name="b.pdf", removed=True),
        ]
    }
    with translation.override("fi"):
        got = intake_articles(
            [intake], case=Case(pk=7), actions={"view"}, now=StageActions(), files=files
        )
    assert "a.pdf</a> · <a" in got and "b.pdf" not in got
    files[11][0].removed = True
    with translation.override("fi"):
        got = intake_articles(
            [intake], case=Case(pk=7), actions={"view"}, now=StageActions(), files=files
        )
    assert "Liitteet: ei ole · <a" in got
