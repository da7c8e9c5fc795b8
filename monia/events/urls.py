"""Events, trainings and their sessions: registration, reminders, attendance, certificates."""

from django.urls import URLPattern, URLResolver, path

from monia.events import portal_views, views

urlpatterns: list[URLPattern | URLResolver] = [
    path("develop/events/", views.events_list, name="events_list"),
    path("develop/events/new/", views.event_new, name="event_new"),
    path("develop/events/<int:event_id>/", views.event_detail, name="event_detail"),
    path("develop/events/<int:event_id>/edit/", views.event_edit, name="event_edit"),
    path("develop/events/<int:event_id>/publish/", views.event_publish, name="event_publish"),
    path("develop/events/<int:event_id>/register/", views.event_register, name="event_register"),
    path("develop/events/<int:event_id>/cancel/", views.event_cancel, name="event_cancel"),
    path(
        "develop/events/<int:event_id>/certificate/",
        views.event_certificate_pdf,
        name="event_certificate_pdf",
    ),
    path(
        "develop/events/<int:event_id>/registrations/",
        views.event_registrations,
        name="event_registrations",
    ),
    path(
        "develop/events/<int:event_id>/registrations/<int:registration_id>/certificate/",
        views.registration_certificate_pdf,
        name="registration_certificate_pdf",
    ),
    path(
        "develop/events/<int:event_id>/sessions/<int:session_id>/attendance/",
        views.session_attendance,
        name="session_attendance",
    ),
    path("portal/events/", portal_views.portal_events, name="portal_events"),
    path("portal/events/<int:event_id>/", portal_views.portal_event, name="portal_event"),
    path(
        "portal/events/<int:event_id>/register/",
        portal_views.portal_event_register,
        name="portal_event_register",
    ),
    path(
        "portal/events/<int:event_id>/cancel/",
        portal_views.portal_event_cancel,
        name="portal_event_cancel",
    ),
]
