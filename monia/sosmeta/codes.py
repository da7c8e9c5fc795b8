"""Monia's choices as the codes of the national code systems (koodistot).

THL's code service (koodistopalvelu.kanta.fi) cannot be reached from here, so a national
code is used only where the definitions themselves give it (an example, an implementation
note or a code list of the definition's own); every other choice is recorded as Monia's
own code in the field's national code system, with the displayed text beside it, to be
mapped when the code lists are at hand. docs/records.md, "National structures (Sosmeta)",
lists both kinds.
"""

from __future__ import annotations

from django.db import models
from django.utils import translation

from monia.casework.models import (
    CareForm,
    ContactMethod,
    ServiceTask,
    SupportPlacementType,
    Urgency,
)
from monia.decisions.kinds import AppealRoute

Code = tuple[str, str]

# Codes the definitions name (the file and the field in docs/records.md).
SERVICE_TASK_CHILD_WELFARE: Code = ("10", "Lastensuojelu")  # 1.2.246.537.6.1221
SIGNED_ELECTRONICALLY: Code = ("1", "Asiakirja on allekirjoitettu sähköisesti")  # ...5.40161
POSITIVE_RESOLUTION: Code = ("1", "Myönteinen ratkaisu")  # 1.2.246.537.6.1248
REQUEST_FOR_CORRECTION: Code = ("1", "Oikaisuvaatimus")  # 1.2.246.537.6.1211
APPEAL: Code = ("2", "Valitus")  # 1.2.246.537.6.1211
NOT_URGENT: Code = ("3", "Kiireetöntä väliintuloa vaativa tilanne")  # 1.2.246.537.6.1252
HOME_VISIT: Code = ("3", "Käynti asiakkaan luona")  # 1.2.246.537.6.1250
FAMILY_CARE: Code = ("31", "Perhehoito")  # 1.2.246.537.6.1222
INSTITUTIONAL_CARE: Code = ("24", "Laitospalvelu")  # 1.2.246.537.6.1222
# Sijoituksen laji (1.2.246.537.6.1215): the 37 § placement decisions' own list (11030, 11055).
SUPPORT_PLACEMENT_TYPES: dict[str, Code] = {
    SupportPlacementType.WITH_PARENT: ("6", "Avohuollon sijoitus yhdessä vanhemman kanssa"),
    SupportPlacementType.ALONE: ("7", "Avohuollon sijoitus ilman vanhempia"),
    SupportPlacementType.PRISON_FAMILY_UNIT: ("8", "Avohuollon sijoitus vankilan perheosastolle"),
}
# The client plan's own list (15009 "Tämä asiakassuunnitelma on").
PLAN_COMMUNITY_CARE: Code = ("1", "Avohuollon asiakassuunnitelma")
PLAN_PLACED_AS_SUPPORT: Code = ("2", "Avohuollon tukitoimena sijoitetun lapsen asiakassuunnitelma")
PLAN_SUBSTITUTE_CARE: Code = ("3", "Sijaishuollon asiakassuunnitelma")


def finnish(label: object) -> str:
    """A label in Finnish, whoever's request is being served: the national document's
    displayed text is Finnish."""
    with translation.override("fi"):
        return str(label)


def monia(choices: type[models.TextChoices], value: str) -> Code | None:
    """Monia's own code for a choice, with its Finnish label; None for no choice."""
    if not value:
        return None
    return value, finnish(choices(value).label)


def national_or_monia(
    known: dict[str, Code], choices: type[models.TextChoices], value: str
) -> Code | None:
    """The national code where it is known, else Monia's own."""
    if value in known:
        return known[value]
    return monia(choices, value)


def service_task(value: str) -> Code | None:
    return national_or_monia(
        {ServiceTask.CHILD_WELFARE: SERVICE_TASK_CHILD_WELFARE}, ServiceTask, value
    )


def urgency(value: str) -> Code | None:
    return national_or_monia({Urgency.NOT_URGENT: NOT_URGENT}, Urgency, value)


def contact_method(value: str) -> Code | None:
    return national_or_monia({ContactMethod.HOME_VISIT: HOME_VISIT}, ContactMethod, value)


def care_form_service(value: str) -> Code | None:
    """The social service (1.2.246.537.6.1222) of a placement's form of care."""
    known: dict[str, Code] = {
        CareForm.FAMILY_CARE: FAMILY_CARE,
        CareForm.INSTITUTIONAL_CARE: INSTITUTIONAL_CARE,
    }
    return national_or_monia(known, CareForm, value)


def support_placement_type(value: str) -> Code | None:
    """With whom a child is placed as a support measure; None when not recorded."""
    return SUPPORT_PLACEMENT_TYPES.get(value)


def appeal(route: str) -> Code:
    return APPEAL if route == AppealRoute.APPEAL else REQUEST_FOR_CORRECTION


def coded_at(oid: str, path: str, code: Code) -> dict[str, str]:
    """A coded value for a field inside a list built by hand."""
    from monia.sosmeta import schemas

    return schemas.coded(oid, path, code[0], str(code[1]))
