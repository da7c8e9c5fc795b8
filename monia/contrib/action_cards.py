"""LUMO's action cards (toimintakortit) for the child's multi-agency service-needs
assessment: what each sector observes, what it shares, and how it brings in the
child's view. Shown to the partner with the task; texts are translatable."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ActionCard:
    observe: Promise
    share: Promise
    child_view: Promise


CARDS: dict[str, ActionCard] = {
    "school": ActionCard(
        observe=_(
            "Attendance, learning and support measures, peer relations, the child's mood "
            "and changes in it, cooperation with the guardians."
        ),
        share=_(
            "Facts observed at school and by student welfare, the support already given "
            "and its effect; not hearsay."
        ),
        child_view=_(
            "Ask the child, with a familiar adult, what is going well at school and what "
            "worries them; write down their own words."
        ),
    ),
    "early_education": ActionCard(
        observe=_(
            "Development, play and interaction, basic care (hygiene, meals, rest), "
            "drop-offs and pick-ups, changes in behaviour."
        ),
        share=_("Concrete observations with dates and the support given in the group."),
        child_view=_(
            "Observe the child in play and ask simple questions; describe what the child "
            "showed or said and in what situation."
        ),
    ),
    "health_care": ActionCard(
        observe=_(
            "Growth and health, missed appointments, injuries, the parents' resources "
            "and health as far as they affect the care of the child."
        ),
        share=_(
            "Information necessary for the assessment only (LsL 41 §); findings, not diagnoses."
        ),
        child_view=_(
            "Talk to the child alone when age allows; record how the child describes "
            "their wellbeing."
        ),
    ),
    "child_psychiatry": ActionCard(
        observe=_(
            "Symptoms and their course, the treatment's goals and progress, what the "
            "family needs to support the treatment."
        ),
        share=_(
            "Your assessment of the child's need for treatment and support, and what "
            "child welfare could add."
        ),
        child_view=_(
            "Tell what the child has said in treatment about home and help, with the "
            "child's consent where possible."
        ),
    ),
    "mental_health_substance": ActionCard(
        observe=_(
            "How the parent's mental health or substance use affects daily care and "
            "safety of the child; treatment commitment."
        ),
        share=_("The parent's capacity to care for the child; the support they receive."),
        child_view=_(
            "Ask whether the child has been spoken to about the parent's illness or use, "
            "and how the child has been told."
        ),
    ),
    "youth_services": ActionCard(
        observe=_(
            "Leisure, friends and groups, risk behaviour, the young person's own goals "
            "and strengths."
        ),
        share=_("What you know from the youth work contact and what has helped."),
        child_view=_(
            "Ask the young person directly what they want from services and write down "
            "their own words."
        ),
    ),
    "police": ActionCard(
        observe=_("Call-outs to the home, offences involving or affecting the child."),
        share=_(
            "Facts from police records that the assessment needs; nothing that would "
            "harm a pre-trial investigation."
        ),
        child_view=_(
            "Describe how the child appeared and what they said at the call-out, if anything."
        ),
    ),
}

GENERIC = ActionCard(
    observe=_("What you have seen of the child's daily life, wellbeing and safety."),
    share=_("Facts the assessment needs, with dates, and the support you have given."),
    child_view=_("Ask the child what they think and write down their own words."),
)


def card_for(sector: str) -> ActionCard:
    return CARDS.get(sector, GENERIC)
