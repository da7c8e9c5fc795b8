"""Adding a member to the child's family. The register is asked first, as for an intake's
new child: the persons the details typed may be are offered on the same page, with
everything typed kept, before anyone is recorded twice (``family_services``)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from monia.access import policy
from monia.access.policy import Action
from monia.access.purposes import Purpose
from monia.accounts.models import User
from monia.casework import access, forms, services
from monia.casework.family_services import FamilyMemberAdded
from monia.casework.models import Case
from monia.people import selectors as people_selectors
from monia.people.models import Person
from monia.people.services import SimilarPersons
from monia.ui.errors import apply_errors, posted


@login_required
@require_http_methods(["GET", "POST"])
def family_member_new(request: HttpRequest, case_id: int) -> HttpResponse:
    user = policy.user_of(request)
    case = policy.case_get_for_user(
        user, case_id, purpose=Purpose.FAMILY_MEMBER_NEW, action=Action.RECORD
    )
    data = posted(request)
    form = forms.FamilyMemberForm(data)
    choice = forms.FamilyMemberChoiceForm(data)
    offer_new = False
    if data is not None and all([form.is_valid(), choice.is_valid()]):
        try:
            added = services.family_member_add(
                user=user,
                case=case,
                **form.cleaned_data,
                existing_id=choice.cleaned_data["person"],
                check_similar=not choice.cleaned_data["create_anyway"],
            )
        except SimilarPersons as exc:
            choice = _offered(user, case, data, exc.persons)
            # A person in the register with the identity code typed is never another one.
            offer_new = "identity_code" not in exc.message_dict
            apply_errors(exc, form, choice)
        except ValidationError as exc:
            apply_errors(exc, form, choice)
        else:
            messages.success(request, _said(added))
            return redirect("case_detail", case_id=case.pk)
    return render(
        request,
        "casework/family_member_new.html",
        {"case": case, "form": form, "choice": choice, "offer_new": offer_new},
    )


def _offered(
    user: User, case: Case, data: QueryDict, persons: list[Person]
) -> forms.FamilyMemberChoiceForm:
    """The choice among the register's persons found, each logged as shown."""
    access.register_persons_shown(user, case, persons, purpose=Purpose.FAMILY_MEMBER_SIMILAR)
    in_family = people_selectors.tied_to(case.child, persons)
    return forms.FamilyMemberChoiceForm(data, persons=persons, in_family=in_family)


def _said(added: FamilyMemberAdded) -> str:
    if added.from_register:
        return _("%(name)s was in the register already and was added to the child's family.") % {
            "name": added.person.full_name
        }
    return _("The family member was recorded.")
