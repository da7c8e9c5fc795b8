"""The decision as a document and its service letters (document_views.py). A module of
its own beside the decisions' pages (urls.py)."""

from django.urls import path

from monia.decisions import document_views

urlpatterns = [
    path(
        "cases/<int:case_id>/decisions/<int:decision_id>/letters/<int:party_id>/",
        document_views.decision_letter,
        name="decision_letter",
    ),
    path(
        "cases/<int:case_id>/decisions/<int:decision_id>/letters/<int:party_id>/pdf",
        document_views.decision_letter_pdf,
        name="decision_letter_pdf",
    ),
]
