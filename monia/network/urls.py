from django.urls import path

from monia.network import views

urlpatterns = [
    path("cases/<int:case_id>/sharing/", views.case_sharing, name="case_sharing"),
    path("partner/", views.partner_home, name="partner_home"),
    path("partner/cases/<int:case_id>/", views.partner_case, name="partner_case"),
]
