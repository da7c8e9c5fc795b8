from django.urls import path

from monia.attachments import views

urlpatterns = [
    path(
        "cases/<int:case_id>/attachments/<int:attachment_id>/",
        views.case_attachment,
        name="case_attachment",
    ),
]
