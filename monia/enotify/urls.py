from django.urls import path

from monia.enotify import views

urlpatterns = [
    path("e-notification/", views.county_list, name="enotify_counties"),
    path("e-notification/<slug:county_code>/", views.notification_form, name="enotify_form"),
    path(
        "e-notification/<slug:county_code>/privacy/",
        views.privacy_notice,
        name="enotify_privacy",
    ),
    path(
        "e-notification/<slug:county_code>/received/",
        views.notification_received,
        name="enotify_received",
    ),
    path("intakes/e-notifications/", views.queue, name="enotify_queue"),
    path(
        "intakes/e-notifications/<int:enotification_id>/",
        views.detail,
        name="enotify_detail",
    ),
    path(
        "intakes/e-notifications/<int:enotification_id>/attachments/<int:attachment_id>/",
        views.attachment,
        name="enotify_attachment",
    ),
]
