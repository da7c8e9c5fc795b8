"""Monia's JSON API, version 1 (``/api/v1``), for integrations and scripts.

Thin like the pages: each endpoint authenticates (personal token or session), asks the
access policy, calls one service or selector, and shapes the answer. A forbidden object
answers 404 exactly like a missing one; the reads of client data are logged by the policy
with channel "api" in the same transaction as the read.
"""

from __future__ import annotations

import datetime
from typing import Any, Literal

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Status
from ninja.errors import ValidationError as RequestValidationError

from monia.access import contact, policy
from monia.access.policy import Action
from monia.access.purposes import Purpose
from monia.accounts.models import User
from monia.api import fhir, fhir_selectors
from monia.api.auth import SessionAuth, TokenAuth, staff_only_docs, user_of
from monia.api.schemas import (
    CaseOut,
    ChildIn,
    ChildOut,
    ContactOut,
    DeadlineOut,
    Errors,
    IntakeCreated,
    IntakeOut,
    Message,
    MyDeadlineOut,
    NotificationIn,
    TeamOut,
    WorkerOut,
)
from monia.casework import selectors, services
from monia.casework.models import Case, CaseStage, Intake
from monia.casework.selectors import Deadline
from monia.teams.models import Team

api = NinjaAPI(
    title="Monia API",
    version="1",
    urls_namespace="api",
    description="Child welfare casework: record intakes, read cases and deadlines.",
    auth=[TokenAuth(), SessionAuth()],
    docs_decorator=staff_only_docs,
)

# Every endpoint may answer these besides its own: documented in the OpenAPI schema.
UNAUTHORIZED = {401: Message}


NOT_FOUND = {"detail": "Not Found"}


def rfc3339_time(moment: datetime.datetime) -> datetime.datetime:
    """A stored time in the current zone, as RFC 3339 can write it: before 1921 Helsinki
    kept its local mean time (+01:39:49), an offset with seconds that RFC 3339 has no way
    to write, so such a time is given in UTC."""
    local = timezone.localtime(moment)
    offset = local.utcoffset()
    if offset is None or offset.seconds % 60:
        return moment.astimezone(datetime.UTC)
    return local


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    # The same body for missing and forbidden, and no exception text even with DEBUG on.
    return api.create_response(request, NOT_FOUND, status=404)


def not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    """An unknown path under /api/v1/: the API's own JSON 404, not an HTML page."""
    return api.create_response(request, NOT_FOUND, status=404)


@api.exception_handler(RequestValidationError)
def _invalid_request(request: HttpRequest, exc: RequestValidationError) -> HttpResponse:
    """Malformed input in the same shape as the services' errors: field → messages."""
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        loc = [str(part) for part in error.get("loc", ())]
        # ("body", <parameter>, field, …) or ("query" | "path", field)
        path = loc[2:] if loc[:1] == ["body"] else loc[1:]
        message = str(error["msg"])
        if error.get("type") == "value_error":  # raised by our validators: already worded
            message = message.removeprefix("Value error, ")
        errors.setdefault(".".join(path) or NON_FIELD_ERRORS, []).append(message)
    return api.create_response(request, {"errors": errors}, status=422)


# --- Intakes ----------------------------------------------------------------

# Service error keys that differ from the API's field names.
_FIELD_NAMES = {"team": "team_id", "person": "child_id"}
_CHILD_FIELDS = frozenset(ChildIn.model_fields)


def _service_errors(exc: DjangoValidationError, *, new_child: bool) -> dict[str, list[str]]:
    if not hasattr(exc, "error_dict"):
        return {NON_FIELD_ERRORS: list(exc.messages)}
    errors: dict[str, list[str]] = {}
    for field, messages in exc.message_dict.items():
        if new_child and field in _CHILD_FIELDS:
            name = f"child.{field}"
        else:
            name = _FIELD_NAMES.get(field, field)
        errors.setdefault(name, []).extend(messages)
    return errors


def _team_for(user: User, team_id: int | None) -> Team:
    if team_id is None:
        team = user.team
        if team is None:
            raise DjangoValidationError({"team_id": _("Choose a team.")})
        return team
    team = Team.objects.filter(pk=team_id, county_id=user.county_id or 0).first()
    if team is None:
        raise DjangoValidationError({"team_id": _("Choose a team of your own county.")})
    return team


def _intake_record(user: User, payload: NotificationIn) -> Intake:
    team = _team_for(user, payload.team_id)
    fields = payload.intake_kwargs()
    if payload.child is not None:
        return services.intake_record_for_new_child(
            user=user, child=payload.child.service_kwargs(), team=team, **fields
        )
    # Through the policy (logged); a child of another county answers like a missing one.
    child = policy.person_get_for_intake(
        user, payload.child_id or 0, purpose=Purpose.API_INTAKE_CHILD, channel="api"
    )
    return services.intake_record(user=user, child=child, team=team, **fields)


@api.post(
    "/notifications",
    response={
        201: IntakeCreated,
        400: Message,  # the body is not JSON
        **UNAUTHORIZED,
        404: Message,
        422: Errors,  # a field is missing or invalid, or a rule of the law refuses it
    },
    summary="Record an intake (vireilletulo)",
)
def notification_create(
    request: HttpRequest, payload: NotificationIn
) -> Status[IntakeCreated | Errors]:
    """Record a child welfare notification, request, contact or pre-birth notice.

    The decision on starting a service-needs assessment is due in 7 working days
    (LsL 26 § 3 mom). Repeating a request with the same ``submission_key`` is safe.
    """
    user = user_of(request)
    if not policy.may_record_intake(user):
        raise policy.NotFound
    try:
        with transaction.atomic():
            intake = _intake_record(user, payload)
            visible = policy.may(user, Action.VIEW, intake.case)
    except DjangoValidationError as exc:
        return Status(422, Errors(errors=_service_errors(exc, new_child=payload.child is not None)))
    if not visible:  # recorded for another team's case: say no more than that it was
        return Status(201, IntakeCreated(intake_id=intake.pk, case_id=None))
    return Status(
        201,
        IntakeCreated(
            intake_id=intake.pk,
            case_id=intake.case_id,
            decision_due=intake.decision_due,
            received_at=rfc3339_time(intake.received_at),
        ),
    )


# --- Cases and deadlines ----------------------------------------------------


def _deadlines(cases: list[Case]) -> list[Deadline]:
    return selectors.deadlines_for_cases(
        Case.objects.filter(pk__in=[c.pk for c in cases]),
        today=timezone.localdate(),
        warn_working_days=settings.MONIA_DUE_SOON_WORKING_DAYS,
    )


def _case_out(case: Case, intakes: list[Intake], due: list[Deadline]) -> CaseOut:
    worker = case.designated_worker
    # Another system never receives a protected address (monia/access/contact.py).
    card = contact.contact_cards([case.child], contact.Reader.api())[0]
    return CaseOut(
        id=case.pk,
        stage=case.stage,
        service_task=case.service_task,
        child=ChildOut(
            id=case.child.pk,
            first_names=case.child.first_names,
            last_name=case.child.last_name,
            birth_date=case.child.birth_date,
            non_disclosure=card.protected,
            municipality=card.municipality,
            address=card.address,
            contact_details=[ContactOut(kind=d.kind, value=d.value) for d in card.details],
        ),
        team=TeamOut(
            id=case.team.pk,
            name=case.team.name,
            name_sv=case.team.name_sv,
            name_en=case.team.name_en,
        ),
        designated_worker=WorkerOut(id=worker.pk, name=worker.display_name) if worker else None,
        intakes=[
            IntakeOut(
                id=i.pk,
                kind=i.kind,
                received_at=rfc3339_time(i.received_at),
                decision_due=i.decision_due,
                decision=i.decision or None,
                decided_on=i.decided_on,
            )
            for i in intakes
        ],
        deadlines=[DeadlineOut(kind=d.kind, due=d.due, status=d.status) for d in due],
    )


@api.get(
    "/cases/{int:case_id}",
    response={200: CaseOut, **UNAUTHORIZED, 404: Message},
    summary="A case with its intakes and open deadlines",
)
def case_detail(request: HttpRequest, case_id: int) -> CaseOut:
    user = user_of(request)
    with transaction.atomic():
        case = policy.case_get_for_user(
            user, case_id, purpose=Purpose.API_CASE_DETAIL, channel="api"
        )
        intakes = list(case.intakes.order_by("-received_at", "-pk"))
        due = _deadlines([case])
    return _case_out(case, intakes, due)


FHIR_JSON = "application/fhir+json; charset=utf-8"


@api.get(
    "/cases/{int:case_id}/fhir",
    response={200: dict[str, Any], **UNAUTHORIZED, 404: Message},
    summary="A case as a FHIR R4 Bundle (collection)",
    openapi_extra={"responses": {"200": {"content": {"application/fhir+json": {}}}}},
)
def case_fhir(request: HttpRequest, case_id: int) -> HttpResponse:
    """The case for another system: the child (Patient), family (RelatedPerson), the case
    (EpisodeOfCare), its workers (CareTeam), open deadlines (Task), the approved plan
    (CarePlan, Goal), meetings and contacts (Encounter), sharing grants (Consent), signed
    texts (DocumentReference), its access and disclosure log (AuditEvent) and custodian
    (Provenance). Read with the same rule as the case; logged. See docs/api.md."""
    user = user_of(request)
    with transaction.atomic():
        case = policy.case_get_for_user(
            user, case_id, purpose=Purpose.API_FHIR_EXPORT, channel="api"
        )
        data = fhir_selectors.fhir_case_data(
            case,
            today=timezone.localdate(),
            warn_working_days=settings.MONIA_DUE_SOON_WORKING_DAYS,
        )
    body = fhir.case_bundle_json(data, base_url=settings.MONIA_BASE_URL)
    return HttpResponse(body, content_type=FHIR_JSON)


@api.get(
    "/deadlines/mine",
    response={200: list[MyDeadlineOut], **UNAUTHORIZED, 422: Errors},
    summary="Open statutory deadlines of my cases, or of all cases I may see",
)
def deadlines_mine(
    request: HttpRequest, scope: Literal["mine", "team"] = "mine"
) -> list[MyDeadlineOut]:
    """``scope=mine``: cases where I am the designated worker; ``scope=team``: all I may see.

    A fixed number of queries whatever the caseload; the cases shown are access-logged.
    """
    user = user_of(request)
    with transaction.atomic():
        cases = policy.cases_visible_to(user).exclude(stage=CaseStage.CLOSED)
        if scope == "mine":
            cases = cases.filter(designated_worker=user)
        by_id = {case.pk: case for case in cases}
        due = _deadlines(list(by_id.values()))
        shown = dict.fromkeys(d.case_id for d in due)
        policy.log_case_list(
            user, [by_id[pk] for pk in shown], purpose=Purpose.API_DEADLINES, channel="api"
        )
    return [
        MyDeadlineOut(
            case_id=d.case_id, child_name=d.child_name, kind=d.kind, due=d.due, status=d.status
        )
        for d in due
    ]
