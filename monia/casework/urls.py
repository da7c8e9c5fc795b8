from django.urls import path

from monia.casework import (
    attachment_views,
    contact_views,
    correction_views,
    family_views,
    note_views,
    plan_views,
    views,
)

urlpatterns = [
    path("intakes/new/", views.intake_new, name="intake_new"),
    path("cases/<int:case_id>/", views.case_detail, name="case_detail"),
    path("cases/<int:case_id>/chronology/", views.case_chronology, name="case_chronology"),
    path(
        "cases/<int:case_id>/intakes/<int:intake_id>/urgency/",
        views.intake_urgency,
        name="intake_urgency",
    ),
    path(
        "cases/<int:case_id>/intakes/<int:intake_id>/decision/",
        views.intake_decision,
        name="intake_decision",
    ),
    path(
        "cases/<int:case_id>/assessments/<int:assessment_id>/complete/",
        views.assessment_complete,
        name="assessment_complete",
    ),
    path("cases/<int:case_id>/plan/", plan_views.plan_edit, name="plan_edit"),
    path("cases/<int:case_id>/plan/read/", plan_views.plan_read, name="plan_read"),
    path("cases/<int:case_id>/plan/pdf/", plan_views.plan_pdf_view, name="plan_pdf"),
    path("cases/<int:case_id>/measures/new/", views.measure_new, name="measure_new"),
    path(
        "cases/<int:case_id>/measures/<int:measure_id>/extend/",
        views.measure_extend,
        name="measure_extend",
    ),
    path(
        "cases/<int:case_id>/measures/<int:measure_id>/end/", views.measure_end, name="measure_end"
    ),
    path("cases/<int:case_id>/worker/", views.worker_assign, name="worker_assign"),
    path(
        "cases/<int:case_id>/family/new/",
        family_views.family_member_new,
        name="family_member_new",
    ),
    path(
        "cases/<int:case_id>/persons/<int:person_id>/correct/",
        correction_views.person_correct,
        name="person_correct",
    ),
    path(
        "cases/<int:case_id>/intakes/<int:intake_id>/correct/",
        correction_views.intake_correct,
        name="intake_correct",
    ),
    path(
        "cases/<int:case_id>/intakes/<int:intake_id>/attachments/",
        attachment_views.intake_attachments,
        name="intake_attachments",
    ),
    path("cases/<int:case_id>/identify/", correction_views.child_identify, name="child_identify"),
    path("cases/<int:case_id>/contacts/", contact_views.case_contacts, name="case_contacts"),
    path(
        "cases/<int:case_id>/persons/<int:person_id>/contacts/new/",
        contact_views.contact_detail_new,
        name="contact_detail_new",
    ),
    path(
        "cases/<int:case_id>/persons/<int:person_id>/contacts/<int:detail_id>/correct/",
        contact_views.contact_detail_correct,
        name="contact_detail_correct",
    ),
    path(
        "cases/<int:case_id>/persons/<int:person_id>/non-disclosure/",
        contact_views.non_disclosure_set,
        name="non_disclosure_set",
    ),
    path(
        "cases/<int:case_id>/relationships/<int:relationship_id>/correct/",
        contact_views.relationship_correct,
        name="relationship_correct",
    ),
    path("cases/<int:case_id>/notes/", note_views.case_notes, name="case_notes"),
    path("cases/<int:case_id>/notes/new/", note_views.note_new, name="note_new"),
    path("cases/<int:case_id>/notes/<int:note_id>/", note_views.note_detail, name="note_detail"),
    path("cases/<int:case_id>/notes/<int:note_id>/edit/", note_views.note_edit, name="note_edit"),
    path("cases/<int:case_id>/notes/<int:note_id>/sign/", note_views.note_sign, name="note_sign"),
    path(
        "cases/<int:case_id>/notes/<int:note_id>/amend/", note_views.note_amend, name="note_amend"
    ),
]
