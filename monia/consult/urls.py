from django.urls import path

from monia.consult import views

urlpatterns = [
    path(
        "cases/<int:case_id>/consultations/",
        views.case_consultations,
        name="case_consultations",
    ),
    path("consultations/", views.partner_consultations, name="partner_consultations"),
    path(
        "consultations/<int:consultation_id>/",
        views.partner_consultation,
        name="partner_consultation",
    ),
]
