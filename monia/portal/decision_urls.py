"""A client's decisions in the portal (decision_views.py)."""

from django.urls import path

from monia.portal import decision_views

urlpatterns = [
    path(
        "portal/<int:case_id>/decisions/<int:decision_id>/",
        decision_views.portal_decision,
        name="portal_decision",
    ),
    path(
        "portal/<int:case_id>/decisions/<int:decision_id>/pdf/",
        decision_views.portal_decision_pdf,
        name="portal_decision_pdf",
    ),
]
