from django.urls import path

from monia.voice import views

urlpatterns = [
    path("portal/<int:case_id>/voice/", views.portal_voice, name="portal_voice"),
    path("portal/<int:case_id>/heard/<int:meeting_id>/", views.portal_heard, name="portal_heard"),
    path(
        "indicators/participation/",
        views.participation_indicators,
        name="participation_indicators",
    ),
]
