from django.urls import path

from monia.network import referral_views as views

urlpatterns = [
    path("cases/<int:case_id>/referrals/", views.case_referrals, name="case_referrals"),
    path("cases/<int:case_id>/referrals/new/", views.referral_new, name="referral_new"),
    path(
        "cases/<int:case_id>/referrals/<int:referral_id>/advance/",
        views.referral_advance,
        name="referral_advance",
    ),
]
