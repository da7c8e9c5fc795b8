"""Texts of the demo data: fictional notifications, decisions, assessments and plans.

They read like real child welfare records but describe no real person or event.
Placeholders: ``{lapsi}`` the child's first name, ``{kunta}`` the municipality.
The texts are data, in ``data/concerns.json`` (notifications) and ``data/texts.json``.
A text that speaks of a member of the family — a father, a stepfather, a grandmother —
says so in its ``family`` (``kin``), and the demo gives it only to a family that has one.

A bilingual county's Swedish-language team writes its records in Swedish: ``written_by``
gives the Swedish text (``data/texts_sv.json``, the same lists in the same order) for a
worker who works in Swedish. The demo draws from the Finnish lists as it always did and
only then takes the Swedish text, so the same seed draws the same histories.

Finnish "hän" says nothing of gender; Swedish does. The Swedish texts name the child with
the placeholders ``{hon}`` (``{Hon}`` to begin a sentence), ``{henne}`` and ``{hennes}``,
which ``written_by`` fills for the child the text is about: "hon"/"han", "henne"/"honom",
"hennes"/"hans" as the register has the child's gender, "hen" only when it has none (a
child not yet born). A text about a parent says "hon" or "han" as written.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from monia.demo import kin
from monia.demo.datafiles import load

if TYPE_CHECKING:
    from monia.accounts.models import User
    from monia.people.models import Person

# --- Notifications --------------------------------------------------------------------------


@dataclass(frozen=True)
class Concern:
    """One kind of notification: who sends it, about a child of what age, and its text."""

    sector: str  # monia.casework.models.Sector, "" for private and anonymous notifiers
    notifier_type: str  # obligated | private | anonymous
    channel: str
    ages: tuple[int, int]  # the child's age in years at receipt, inclusive
    content: str
    kind: str = "notification"
    urgent: bool = False
    police_report: bool = False
    family_informed: str = "unknown"
    notifier_role: str = ""
    family_participated: bool = False
    #: Serious enough to end in an emergency placement.
    danger: bool = False
    #: Prefer organisations whose name contains this (say "päivystys" over "neuvola").
    organisation_hint: str = ""
    #: What the text takes for granted of the child's family, say ("stepfather",):
    #: given only to a child whose family has it (``kin``).
    family: tuple[str, ...] = ()


def _concerns(key: str) -> tuple[Concern, ...]:
    return tuple(Concern(**fields) for fields in load("concerns.json")[key])


CONCERNS: tuple[Concern, ...] = _concerns("concerns")
PRE_BIRTH_CONCERNS: tuple[Concern, ...] = _concerns("pre_birth_concerns")


def concerns_matching(
    *,
    age: int | None = None,
    danger: bool = False,
    urgent: bool | None = None,
    min_age: int = 0,
    exclude: Concern | None = None,
    facts: frozenset[str] | None = None,
) -> list[Concern]:
    """The notifications for a child of ``age`` (any age reaching ``min_age``): dangers
    only with ``danger``, of one urgency when ``urgent`` is given, and with ``facts`` only
    those that take nothing for granted that the child's family lacks (``kin``)."""
    return [
        c
        for c in CONCERNS
        if (not danger or c.danger)
        and (urgent is None or c.urgent == urgent)
        and (age is None or c.ages[0] <= age <= c.ages[1])
        and c.ages[1] >= min_age
        and c is not exclude
        and (facts is None or kin.fits(c.family, facts))
    ]


_TEXTS: dict[str, Any] = load("texts.json")

#: Per county, sector → organisation names (``{kunta}`` is the child's municipality).
ORGANISATIONS: dict[str, dict[str, tuple[str, ...]]] = _TEXTS["organisations"]
#: Urgency ("urgent" | "not_urgent") → notes of the urgency assessment (LsL 26 §).
URGENCY_NOTES: dict[str, tuple[str, ...]] = _TEXTS["urgency_notes"]
NO_ACTION_REASONS: tuple[str, ...] = _TEXTS["no_action_reasons"]
#: Conclusion of the service-needs assessment → summaries.
ASSESSMENT_SUMMARIES: dict[str, tuple[str, ...]] = _TEXTS["assessment_summaries"]
DELAY_REASONS: tuple[str, ...] = _TEXTS["delay_reasons"]


def for_family(concern: Concern, *, age: int, facts: frozenset[str], rng: random.Random) -> Concern:
    """``concern``, or, if it speaks of someone the child's family does not have (a
    stepfather, a father: ``kin``), another of its urgency for a child of ``age`` that
    fits the family's ``facts`` — a danger where one fits; before the birth, another
    pre-birth notification."""
    if kin.fits(concern.family, facts):
        return concern
    if concern in PRE_BIRTH_CONCERNS:
        return rng.choice([c for c in PRE_BIRTH_CONCERNS if kin.fits(c.family, facts)])
    pool = concerns_matching(
        age=age, urgent=concern.urgent, danger=concern.danger, facts=facts
    ) or concerns_matching(age=age, urgent=concern.urgent, facts=facts)
    if not pool:
        raise ValueError(f"no demo notification fits a family of {sorted(facts)} at {age}")
    return rng.choice(pool)


# --- The child's view (LsL 20 §) -----------------------------------------------------------

#: Age band ("small" | "school" | "teen") → the child's view, as heard.
CHILD_VIEWS: dict[str, tuple[str, ...]] = {
    band: tuple(view["text"] for view in views) for band, views in _TEXTS["child_views"].items()
}
#: A child's view → what it takes for granted of the child's family (``kin``): "isi" in it,
#: a father; a stepfather, a stepfather.
CHILD_VIEW_FAMILY: dict[str, tuple[str, ...]] = {
    view["text"]: view.get("family", ())
    for views in _TEXTS["child_views"].values()
    for view in views
}
#: "baby" | "teen" | "any" → why the child was not heard.
NOT_HEARD_REASONS: dict[str, tuple[str, ...]] = _TEXTS["not_heard_reasons"]

# --- Client plans (LsL 30 §) and measures --------------------------------------------------

#: Item of the client plan → texts for it.
PLAN: dict[str, tuple[str, ...]] = _TEXTS["plan"]
#: A plan's text → what it takes for granted of the child's family (``kin``): "the young
#: person would live with the father; the mother objects", a father and a mother at home.
PLAN_FAMILY: dict[str, tuple[str, ...]] = {
    text: tuple(needs) for text, needs in _TEXTS["plan_family"].items()
}


def plan_item_for_family(field: str, drawn: str, facts: frozenset[str]) -> str | None:
    """``drawn``, a text of the plan's ``field``, if it speaks only of the family the child
    has, else the next of the field's texts that does (no second draw: the stream stays),
    else None."""
    items = PLAN[field]
    at = items.index(drawn)
    return next(
        (t for t in items[at:] + items[:at] if kin.fits(PLAN_FAMILY.get(t, ()), facts)), None
    )


#: Type of community-based support → details of the measure.
SUPPORT: dict[str, str] = _TEXTS["support"]
EMERGENCY_PLACES: tuple[str, ...] = _TEXTS["emergency_places"]
FAMILY_CARE_PLACES: tuple[str, ...] = _TEXTS["family_care_places"]
INSTITUTION_PLACES: tuple[str, ...] = _TEXTS["institution_places"]
SUPPORT_PLACEMENT_PLACES: tuple[str, ...] = _TEXTS["support_placement_places"]

# --- The Swedish-language team's texts ----------------------------------------------------


def _pairs(finnish: Any, swedish: Any) -> Iterator[tuple[str, str]]:
    """(Finnish, Swedish) for each text, walking the Swedish file's shape: it holds only
    what a Swedish-language team writes (no Keski-Suomi organisations, say)."""
    if isinstance(swedish, str):
        yield finnish, swedish
    elif isinstance(swedish, dict):
        for key, value in swedish.items():
            yield from _pairs(finnish.get(key, ""), value)
    else:
        for fi, sv in zip(finnish, swedish, strict=True):
            yield from _pairs(fi, sv)


def _swedish() -> dict[str, str]:
    swedish = load("texts_sv.json")
    finnish = {**_TEXTS, **load("concerns.json")}
    pairs = [*swedish["phrases"].items()]
    pairs += _pairs(finnish, {k: v for k, v in swedish.items() if k != "phrases"})
    found: dict[str, str] = {}
    for fi, sv in pairs:
        if found.setdefault(fi, sv) != sv:
            raise ValueError(f"two Swedish texts for one Finnish text: {fi!r}")
    return found


#: Finnish text → the same in Swedish, as a Finland-Swedish social worker writes it.
SWEDISH: dict[str, str] = _swedish()


#: The child's Swedish pronouns by ``Person.gender`` (people.models.Gender), for the
#: placeholders of the Swedish texts; any other gender (unknown, other): ``NEUTRAL``.
PRONOUNS: dict[str, dict[str, str]] = {
    "female": {"hon": "hon", "Hon": "Hon", "henne": "henne", "hennes": "hennes"},
    "male": {"hon": "han", "Hon": "Han", "henne": "honom", "hennes": "hans"},
}
NEUTRAL = {"hon": "hen", "Hon": "Hen", "henne": "hen", "hennes": "hens"}


def about_child(text: str, child: Person | None) -> str:
    """``text`` with the child's pronouns in place of its placeholders. A text that has
    them needs the child: "hen" for a child of known gender is the mistake this prevents."""
    if not any(f"{{{word}}}" in text for word in NEUTRAL):
        return text
    if child is None:
        raise ValueError(f"a text about the child, written without the child: {text!r}")
    for word, pronoun in PRONOUNS.get(child.gender, NEUTRAL).items():
        text = text.replace(f"{{{word}}}", pronoun)
    return text


def written_by(worker: User, text: str, *, child: Person | None = None) -> str:
    """``text`` in the language ``worker`` writes her records in: Swedish for a worker of
    a Swedish-language team (her language "sv"), its pronouns those of ``child`` (whom
    the record is about), else the Finnish text as drawn."""
    if worker.language == "sv":
        return about_child(SWEDISH.get(text, text), child)
    return text
