from django.urls import path

from monia.decisions import document_views, views

D = "cases/<int:case_id>/decisions/<int:decision_id>/"

urlpatterns = [
    path("cases/<int:case_id>/decisions/", views.decision_list, name="decision_list"),
    path("cases/<int:case_id>/decisions/new/", views.decision_new, name="decision_new"),
    path(D, views.decision_detail, name="decision_detail"),
    path(D + "edit/", views.decision_edit, name="decision_edit"),
    path(D + "pdf/", document_views.decision_pdf, name="decision_pdf"),
    path(D + "sign/", views.decision_sign, name="decision_sign"),
    path(D + "correct/", views.decision_correct, name="decision_correct"),
    path(D + "serve/", views.decision_serve, name="decision_serve"),
]
