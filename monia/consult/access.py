"""The partner's rule for consultations: a question reaches the organisation it was put to
(or the one professional named), and nobody else. A question asked with consent names the
child: each read of it is a disclosure (luovutusloki); a pseudonymised one discloses no one."""

from __future__ import annotations

from django.db.models import QuerySet

from monia.accounts.models import User
from monia.consult.models import Consultation, ConsultationMode
from monia.network.access import addressed_to, is_partner, partner_get, partner_read
from monia.network.models import DisclosureBasis, DisclosureSource
from monia.network.services import Disclosure


def _addressed_to(user: User) -> QuerySet[Consultation]:
    if not is_partner(user):
        return Consultation.objects.none()
    return Consultation.objects.filter(addressed_to(user))


def _disclosures(consultation: Consultation) -> list[Disclosure]:
    """A consultation read in consent mode: the child is named on that consent only."""
    if consultation.mode != ConsultationMode.CONSENT:
        return []
    return [
        Disclosure(
            source=DisclosureSource.CONSULTATION,
            source_id=consultation.pk,
            organisation_id=consultation.organisation_id,
            person_id=consultation.case.child_id,
            case_id=consultation.case_id,
            basis=DisclosureBasis.CONSULTATION_CONSENT,
        )
    ]


def partner_consultations_list(user: User, *, purpose: str) -> list[Consultation]:
    """A partner's open consultations; each named child shown is logged as a disclosure."""
    return partner_read(
        user,
        _addressed_to(user)
        .filter(answered_at__isnull=True)
        .select_related("case__child", "organisation")
        .order_by("answer_due", "pk"),
        disclosures=_disclosures,
        purpose=purpose,
    )


def partner_consultation_get(user: User, consultation_id: int, *, purpose: str) -> Consultation:
    """One consultation as its partner may see it, the read logged; 404 otherwise."""
    return partner_get(
        user,
        _addressed_to(user).select_related(
            "case__child", "organisation", "answered_by", "asked_by__county"
        ),
        consultation_id,
        disclosures=_disclosures,
        purpose=purpose,
    )
