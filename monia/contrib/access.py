"""The partner's rule for contributions to the service-needs assessment: a request reaches
the organisation it was sent to (or the one professional named). Each read shows the
child's name and the worker's questions: one disclosure row per request, on the request's
own basis (an LsL 41 § request or the guardian's consent)."""

from __future__ import annotations

from django.db.models import QuerySet

from monia.accounts.models import User
from monia.contrib.models import ContributionRequest
from monia.network.access import addressed_to, is_partner, partner_get, partner_read
from monia.network.models import DisclosureSource
from monia.network.services import Disclosure


def _addressed_to(user: User) -> QuerySet[ContributionRequest]:
    if not is_partner(user):
        return ContributionRequest.objects.none()
    return ContributionRequest.objects.filter(addressed_to(user)).select_related(
        "assessment__case__child", "organisation", "requested_by__county"
    )


def _disclosures(request: ContributionRequest) -> list[Disclosure]:
    case = request.assessment.case
    return [
        Disclosure(
            source=DisclosureSource.CONTRIBUTION_REQUEST,
            source_id=request.pk,
            organisation_id=request.organisation_id,
            person_id=case.child_id,
            case_id=case.pk,
            basis=request.basis,
        )
    ]


def contributions_for_partner(
    user: User, *, purpose: str, open_only: bool = False
) -> list[ContributionRequest]:
    """A partner's contribution requests (``open_only``: those still waiting for the
    statement, in assessments still open); each child's name shown is logged."""
    rows = _addressed_to(user)
    if open_only:
        rows = rows.filter(submitted_at__isnull=True, assessment__completed_on__isnull=True)
    return partner_read(user, rows, disclosures=_disclosures, purpose=purpose)


def contribution_get_for_partner(
    user: User, request_id: int, *, purpose: str, for_update: bool = False
) -> ContributionRequest:
    """One request as its partner may see it, the read logged; 404 for anyone else."""
    return partner_get(
        user,
        _addressed_to(user),
        request_id,
        disclosures=_disclosures,
        purpose=purpose,
        for_update=for_update,
    )
