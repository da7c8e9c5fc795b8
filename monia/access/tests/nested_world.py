"""The objects inside a case (or a portal matter, a partner's request, a team meeting, an
e-notification) that the nested-id test (test_nested_ids.py) puts into another one's URL.

``Side`` is one container and everything of it the URLs name; ``kwargs_for(name, side,
user)`` builds that container's arguments for one URL, as ``test_url_rules._kwargs`` does
for the staff case URLs (whose builders it reuses where they can run twice in a county)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from monia.access.tests import test_url_rules as url_rules
from monia.accounts.models import Role, User
from monia.attachments.testing import PDF_BYTES, upload
from monia.casework.models import Case
from monia.conftest import CaseWorld, make_user
from monia.network.models import Organisation
from monia.people.models import Person


@dataclass
class Side:
    """One case (with its world, where the URLs need one); ``made`` keeps what was built
    once for several URLs."""

    case: Case
    cw_: CaseWorld | None = None
    made: dict[str, Any] = field(default_factory=dict)

    @property
    def cw(self) -> CaseWorld:
        assert self.cw_ is not None
        return self.cw_

    @property
    def worker(self) -> User:
        worker = (
            self.case.designated_worker
            or User.objects.filter(team=self.case.team, role=Role.DESIGNATED_SOCIAL_WORKER).first()
        )
        assert worker is not None
        return worker

    def once(self, key: str, build: Any) -> Any:
        if key not in self.made:
            self.made[key] = build()
        return self.made[key]

    def guardian(self) -> Person:
        return Person.objects.get(ties_from__to_person=self.case.child, ties_from__is_guardian=True)


def senior_of(case: Case) -> User:
    """The senior official of the case's county (``senior_a`` in county A)."""
    found = User.objects.filter(role=Role.SENIOR_OFFICIAL, county=case.county).first()
    return found or make_user(f"senior_{case.county.code}", Role.SENIOR_OFFICIAL, case.county, None)


def organisation_of(case: Case, sector: str = "school") -> Organisation:
    """County A's school is the ``partner`` persona's; another county gets its own."""
    names = {"school": "Keskuskoulu", "child_psychiatry": "Nuorisopsykiatria"}
    org, _ = Organisation.objects.get_or_create(
        county=case.county, name=names[sector], defaults={"sector": sector}
    )
    return org


def partner_of(case: Case) -> User:
    school = organisation_of(case)
    found = User.objects.filter(role=Role.PARTNER, organisation=school).first()
    return found or make_user(
        f"partner_{case.county.code}", Role.PARTNER, case.county, None, organisation=school
    )


# --- Staff case URLs ----------------------------------------------------------------------


def _referral(side: Side) -> Any:
    from monia.network import referral_services

    return referral_services.referral_create(
        user=side.worker,
        case=side.case,
        organisation=organisation_of(side.case, "child_psychiatry"),
        service="Nuorisopsykiatrinen arvio",
        need_identified_on=timezone.localdate() - datetime.timedelta(days=3),
        referred_at=timezone.now() - datetime.timedelta(days=2),
    )


def _expert_case(side: Side) -> Any:
    from monia.experts import services
    from monia.experts.models import ExpertGroup

    group = ExpertGroup.objects.filter(county=side.case.county).first()
    group = group or services.expert_group_create(county=side.case.county, name="Ryhmä")
    session = services.expert_session_create(
        group=group, held_on=timezone.localdate(), location="Kuopio"
    )
    return services.expert_case_present(
        user=side.worker,
        session=session,
        case=side.case,
        mode="pseudonymised",
        pseudonym=f"Lapsi {side.case.pk}",
        question="Mitä suosittelette?",
    )


def _archive_export(side: Side) -> Any:
    from monia.archive.services import archive_export_build, archive_export_request

    export = archive_export_request(user=senior_of(side.case), case_id=side.case.pk)
    return archive_export_build(export_id=export.pk)


def _draft_note(side: Side, author: User) -> Any:
    from monia.casework import note_services

    note, _ = note_services.note_create(
        user=author,
        case=side.case,
        note_type="19005",
        data={"occurred_on": timezone.localdate(), "discussed": "Kotikäynti."},
    )
    return note


def _decision_to_sign(side: Side, decider: User) -> Any:
    from monia.decisions.testing import draft_for

    return draft_for(side.case, side.worker, decider=decider)


def _restriction(side: Side) -> Any:
    from monia.portal.document_selectors import case_documents
    from monia.portal.services import document_hide

    document = next(iter(case_documents(side.case)))
    return document_hide(
        user=side.worker,
        case=side.case,
        document_key=document.key,
        guardian=side.guardian(),
        reason="Vaarantaisi lapsen.",
    )


def _alert(side: Side) -> Any:
    from monia.portal.models import SafetyAlert

    return SafetyAlert.objects.create(case=side.case, raised_by=side.worker)


def staff_kwargs(name: str, side: Side, user: User) -> dict[str, int]:
    cw = side.cw
    kwargs = {"case_id": cw.case.pk}
    if name == "referral_advance":
        return kwargs | {"referral_id": side.once(name, lambda: _referral(side)).pk}
    if name == "expert_statement":
        return kwargs | {"expert_case_id": side.once(name, lambda: _expert_case(side)).pk}
    if name == "archive_export_zip":
        return kwargs | {"export_id": side.once(name, lambda: _archive_export(side)).pk}
    if name in ("note_edit", "note_sign"):
        return kwargs | {"note_id": _draft_note(side, user).pk}
    if name == "decision_sign":
        return kwargs | {"decision_id": _decision_to_sign(side, user).pk}
    if name == "case_portal_document_show":
        return kwargs | {"restriction_id": _restriction(side).pk}
    if name == "case_portal_alert_handle":
        return kwargs | {"alert_id": _alert(side).pk}
    return url_rules._kwargs(name, cw)


# --- The portal ---------------------------------------------------------------------------


def portal_kwargs(name: str, side: Side, user: Any) -> dict[str, int]:
    from monia.decisions.tests.document_world import decision_make
    from monia.netmeet import services

    case = side.case
    if name.startswith("portal_decision"):
        parties = [(case.child, "child"), (side.guardian(), "guardian")]
        decision = decision_make(case, side.worker, parties=parties)
        return {"case_id": case.pk, "decision_id": decision.pk}
    assert name == "portal_heard", name
    now = timezone.now()
    meeting = services.meeting_plan(
        user=side.worker,
        case=case,
        held_at=now - datetime.timedelta(days=2),
        place="Koulu",
        agenda="Tuki",
        now=now - datetime.timedelta(days=3),
    )
    meeting = services.meeting_record(
        user=side.worker,
        meeting=meeting,
        minutes="Sovittiin tuesta.",
        family_view="Hyvä suunta.",
        child_view="Haluan jatkaa.",
        actions=[],
    )
    return {"case_id": case.pk, "meeting_id": meeting.pk}


# --- A partner's request and network meeting ----------------------------------------------


def partner_kwargs(name: str, side: Side, user: Any) -> dict[str, int]:
    from monia.attachments.models import Attachment
    from monia.contrib import services as contrib
    from monia.netmeet import attachment_services, services

    case, school = side.case, organisation_of(side.case)
    if name == "partner_contribution_attachment":
        req = contrib.request_create(
            user=side.worker,
            assessment=side.cw.open_assessment,
            organisation=school,
            basis="lsl_41_request",
            questions="Miten lapsi voi koulussa?",
            due_on=timezone.localdate() + datetime.timedelta(days=7),
        )
        contrib.statement_submit(
            user=partner_of(case),
            request_id=req.pk,
            statement="Lapsi on väsynyt.",
            child_view_noted="",
            attachment=upload("todistus.pdf", PDF_BYTES),
        )
        attachment = Attachment.objects.get(contribution=req)
        return {"request_id": req.pk, "attachment_id": attachment.pk}
    assert name == "partner_network_meeting_attachment", name
    meeting = services.meeting_plan(
        user=side.worker,
        case=case,
        held_at=timezone.now() + datetime.timedelta(days=3),
        place="Koulu",
        agenda="Koulunkäynnin tuki",
    )
    services.invitee_add(meeting=meeting, role="partner", organisation=school)
    attachment = attachment_services.meeting_attachment_add(
        user=side.worker, meeting=meeting, upload=upload("asialista.pdf", PDF_BYTES)
    )
    return {"meeting_id": meeting.pk, "attachment_id": attachment.pk}


# --- The team's meeting (the systemic workspace) ------------------------------------------


def team_kwargs(name: str, side: Side, user: Any) -> dict[str, int]:
    from monia.systemic import services
    from monia.systemic.models import TeamMeeting

    case = side.case

    def item() -> Any:
        team = case.team
        taken = set(TeamMeeting.objects.filter(team=team).values_list("held_on", flat=True))
        day = next(
            timezone.localdate() + datetime.timedelta(days=n)
            for n in range(1, 60)
            if timezone.localdate() + datetime.timedelta(days=n) not in taken
        )
        meeting = services.meeting_open(user=side.worker, team=team, held_on=day, agenda_size=1)
        found = meeting.items.filter(case=case).first()
        return found or services.agenda_add(meeting=meeting, case=case)

    found = side.once("item", item)
    kwargs = {"meeting_id": found.meeting_id, "item_id": found.pk}
    if name == "meeting_item_hypothesis_revise":

        def hypothesis() -> Any:
            return services.hypothesis_add(
                user=side.worker, case=case, statement=f"Hypoteesi {case.pk}"
            )

        kwargs["hypothesis_id"] = side.once("hypothesis", hypothesis).pk
    return kwargs


# --- An e-notification in the intake queue ------------------------------------------------


def intake_kwargs(name: str, side: Side, user: Any) -> dict[str, int]:
    from django.test import Client
    from django.urls import reverse

    from monia.attachments.models import Attachment
    from monia.enotify.models import ENotification
    from monia.enotify.tests.conftest import school_nurse_post

    assert name == "enotify_attachment", name

    def sent() -> Any:
        before = set(ENotification.objects.values_list("pk", flat=True))
        url = reverse("enotify_form", kwargs={"county_code": side.case.county.code})
        post = school_nurse_post(attachment=upload("lomake.pdf", PDF_BYTES))
        assert Client().post(url, post).status_code == 302
        return ENotification.objects.exclude(pk__in=before).get()

    en = side.once("enotification", sent)
    attachment = Attachment.objects.get(enotification=en)
    return {"enotification_id": en.pk, "attachment_id": attachment.pk}


# --- Ids of another case in a form's body -------------------------------------------------


def intake_file_id(side: Side, actor: User) -> int:
    from monia.casework.attachment_services import intake_attachment_add

    file = upload("liite.pdf", PDF_BYTES)
    return intake_attachment_add(user=actor, intake=side.cw.pending_intake, upload=file).pk


def meeting_file_id(side: Side, actor: User) -> int:
    from monia.netmeet import attachment_services, services

    meeting = services.meeting_plan(
        user=actor,
        case=side.case,
        held_at=timezone.now() + datetime.timedelta(days=3),
        place="Koulu",
        agenda="Tuki",
    )
    file = upload("liite.pdf", PDF_BYTES)
    return attachment_services.meeting_attachment_add(user=actor, meeting=meeting, upload=file).pk


def decision_party_id(side: Side, actor: User) -> int:
    from monia.decisions.testing import signed_for

    return int(signed_for(side.case, side.worker).parties.order_by("pk").first().pk)
