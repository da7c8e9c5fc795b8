from django.urls import path

from monia.contrib import views

urlpatterns = [
    path(
        "cases/<int:case_id>/assessments/<int:assessment_id>/contributions/",
        views.assessment_contributions,
        name="assessment_contributions",
    ),
    path("contributions/", views.partner_contributions, name="partner_contributions"),
    path(
        "contributions/<int:request_id>/",
        views.partner_contribution,
        name="partner_contribution",
    ),
    path(
        "contributions/<int:request_id>/attachments/<int:attachment_id>/",
        views.partner_contribution_attachment,
        name="partner_contribution_attachment",
    ),
]
