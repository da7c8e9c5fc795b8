from django.urls import path

from monia.systemic import timeline_views as views

urlpatterns = [
    path("cases/<int:case_id>/timeline/", views.case_timeline, name="case_timeline"),
    path("cases/<int:case_id>/life-events/new/", views.life_event_new, name="life_event_new"),
    path(
        "team/meetings/<int:meeting_id>/minutes.pdf",
        views.meeting_minutes_pdf,
        name="meeting_minutes_pdf",
    ),
]
