from django.urls import path

from monia.letters import views

urlpatterns = [
    path("cases/<int:case_id>/letters/", views.case_letters, name="case_letters"),
    path("cases/<int:case_id>/letters/preview/", views.letter_preview, name="letter_preview"),
    path("cases/<int:case_id>/letters/pdf/", views.letter_pdf, name="letter_pdf"),
    path("cases/<int:case_id>/letters/send/", views.letter_send, name="letter_send"),
    path(
        "cases/<int:case_id>/letters/<int:letter_id>/",
        views.letter_detail,
        name="letter_detail",
    ),
    path(
        "cases/<int:case_id>/letters/<int:letter_id>/pdf/",
        views.letter_detail_pdf,
        name="letter_detail_pdf",
    ),
]
