"""The kinds of decision Monia writes, their national definitions (Sosmeta) and the appeal
route the law gives each (LsL 90 §). Pure data: imports nothing of Monia but gettext."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class DecisionKind(models.TextChoices):
    SUPPORT_MEASURE = "support_measure", _("Support measure (LsL 34–36 §)")
    SUPPORT_MEASURE_END = "support_measure_end", _("Ending a support measure")
    PLACEMENT_AS_SUPPORT = "placement_as_support", _("Placement as a support measure (LsL 37 §)")
    PLACEMENT_AS_SUPPORT_END = (
        "placement_as_support_end",
        _("Ending a placement as a support measure"),
    )
    EMERGENCY_PLACEMENT = "emergency_placement", _("Emergency placement (LsL 38 §)")
    EMERGENCY_PLACEMENT_EXTENSION = (
        "emergency_placement_extension",
        _("Extending an emergency placement (LsL 38 a §)"),
    )
    EMERGENCY_PLACEMENT_END = "emergency_placement_end", _("Ending an emergency placement")
    CARE_ORDER = "care_order", _("Care order and substitute care (LsL 40, 43 §)")
    PLACEMENT_CHANGE = "placement_change", _("Change of substitute-care place")
    CARE_ORDER_END = "care_order_end", _("Ending a care order (LsL 47 §)")
    AFTERCARE = "aftercare", _("Right to aftercare (LsL 75 §)")
    AFTERCARE_MEASURE = "aftercare_measure", _("Aftercare service or support measure (LsL 76 §)")


class AppealRoute(models.TextChoices):
    """LsL 90 §: the decisions it lists are appealed to the administrative court
    (valitusosoitus); every other decision first to the county's body for individual
    matters (oikaisuvaatimusohje), 30 days (HL 49 b §, SHL 48 §)."""

    APPEAL = "appeal", _("Appeal to the administrative court (valitusosoitus)")
    CORRECTION = "correction", _("Request for correction (oikaisuvaatimusohje)")


APPEAL_TO_COURT = frozenset(
    {
        DecisionKind.EMERGENCY_PLACEMENT,
        DecisionKind.EMERGENCY_PLACEMENT_EXTENSION,
        DecisionKind.CARE_ORDER,
        DecisionKind.PLACEMENT_CHANGE,
        DecisionKind.CARE_ORDER_END,
    }
)


def appeal_route(kind: str) -> AppealRoute:
    return AppealRoute.APPEAL if kind in APPEAL_TO_COURT else AppealRoute.CORRECTION


# Only the senior official (sosiaalihuollon johtava viranhaltija) decides these (LsL 13 §,
# 43 §); the others the child's social worker or the senior official.
SENIOR_OFFICIAL_ONLY = frozenset({DecisionKind.CARE_ORDER, DecisionKind.CARE_ORDER_END})

# The national definition (Sosmeta document OID with its version) of each kind.
SOSMETA_DEFINITION: dict[str, str] = {
    DecisionKind.SUPPORT_MEASURE: "1.2.246.537.6.1506.11002.2023.9.8",
    DecisionKind.SUPPORT_MEASURE_END: "1.2.246.537.6.1506.11002.2023.9.8",
    DecisionKind.PLACEMENT_AS_SUPPORT: "1.2.246.537.6.1506.11030.2023.5.31",
    DecisionKind.PLACEMENT_AS_SUPPORT_END: "1.2.246.537.6.1506.11055.2023.5.31",
    DecisionKind.EMERGENCY_PLACEMENT: "1.2.246.537.6.1506.11027.2023.5.31",
    DecisionKind.EMERGENCY_PLACEMENT_EXTENSION: "1.2.246.537.6.1506.11025.2023.5.31",
    DecisionKind.EMERGENCY_PLACEMENT_END: "1.2.246.537.6.1506.11026.2023.5.31",
    DecisionKind.CARE_ORDER: "1.2.246.537.6.1506.11023.2023.5.31",
    DecisionKind.PLACEMENT_CHANGE: "1.2.246.537.6.1506.11042.2023.5.31",
    DecisionKind.CARE_ORDER_END: "1.2.246.537.6.1506.11024.2023.5.31",
    DecisionKind.AFTERCARE: "1.2.246.537.6.1506.11035.2023.5.31",
    DecisionKind.AFTERCARE_MEASURE: "1.2.246.537.6.1506.11059.2024.9.30",
}

# Kinds whose decision the law allows to be enforced at once (LsL 92 §).
ENFORCED_AT_ONCE_BY_LAW = frozenset(
    {
        DecisionKind.EMERGENCY_PLACEMENT,
        DecisionKind.EMERGENCY_PLACEMENT_EXTENSION,
    }
)

# Kinds whose national definition records whether the child's close network was mapped
# before the placement (LsL 32 §; `laheisverkoston_kartoittaminen`, required): the
# decision asks it and is not signed without the answer.
CLOSE_NETWORK_KINDS = frozenset(
    {
        DecisionKind.PLACEMENT_AS_SUPPORT,
        DecisionKind.EMERGENCY_PLACEMENT,
        DecisionKind.EMERGENCY_PLACEMENT_EXTENSION,
        DecisionKind.CARE_ORDER,
        DecisionKind.PLACEMENT_CHANGE,
    }
)

# Placement decisions record the form of the placement (sijoituspaikka, code system
# 1.2.246.537.6.1216, nationally recorded): the decision asks it when its measure has
# none, records it on the measure, and is not signed without it.
PLACEMENT_FORM_KINDS = CLOSE_NETWORK_KINDS

# Kinds whose national definition records the view of the (current) substitute-care
# place's representative or family carer: asked on the decision; required by the
# definition of ending a care order (``nykyisen_sijaishuoltopaikan_edustajan_nakemys``),
# so that decision is not signed without it.
CARER_VIEW_KINDS = frozenset(
    {
        DecisionKind.EMERGENCY_PLACEMENT_EXTENSION,
        DecisionKind.EMERGENCY_PLACEMENT_END,
        DecisionKind.PLACEMENT_CHANGE,
        DecisionKind.CARE_ORDER_END,
    }
)
CARER_VIEW_REQUIRED = frozenset({DecisionKind.CARE_ORDER_END})
