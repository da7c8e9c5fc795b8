"""Who may make and download a case's archive export: the senior official (sosiaalihuollon
johtava viranhaltija) of the county whose case it is — the official who answers for the
county's child welfare records — and nobody else. The rule stands beside the data it opens
(monia/access/policy.py gives the case and writes the access-log row); to anyone else the
page and the package are not there: 404, exactly as for a case that does not exist.
"""

from __future__ import annotations

from monia.access import policy
from monia.access.policy import Action, NotFound
from monia.accounts.models import Role, User
from monia.archive.models import ArchiveExport
from monia.casework.models import Case


def may_export(user: User, case: Case) -> bool:
    """The question the case page asks before it shows the link: reads nothing more."""
    return user.role == Role.SENIOR_OFFICIAL and policy.may(user, Action.DECIDE, case)


def archive_case_get(user: User, case_id: int, *, purpose: str, for_update: bool = False) -> Case:
    """The case whose exports the user may see and start; the read logged by the policy.
    Anyone but the county's senior official gets 404 before anything is read."""
    if user.role != Role.SENIOR_OFFICIAL:
        raise NotFound
    return policy.case_get_for_user(
        user, case_id, purpose=purpose, action=Action.DECIDE, for_update=for_update
    )


def export_get(case: Case, export_id: int) -> ArchiveExport:
    """An export of ``case`` (the caller has passed ``archive_case_get``); 404 otherwise."""
    export = ArchiveExport.objects.filter(case=case, pk=export_id).first()
    if export is None:
        raise NotFound
    return export
