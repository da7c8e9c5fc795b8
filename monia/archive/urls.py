from django.urls import path

from monia.archive import views

urlpatterns = [
    path("cases/<int:case_id>/archive/", views.archive_exports, name="archive_exports"),
    path(
        "cases/<int:case_id>/archive/<int:export_id>/package.zip",
        views.archive_export_zip,
        name="archive_export_zip",
    ),
]
