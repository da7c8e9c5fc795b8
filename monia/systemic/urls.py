from django.urls import path

from monia.systemic import views

urlpatterns = [
    path("team/", views.caseboard, name="caseboard"),
    path("team/meetings/", views.meetings, name="meetings"),
    path("team/meetings/<int:meeting_id>/", views.meeting_detail, name="meeting_detail"),
    path(
        "team/meetings/<int:meeting_id>/items/<int:item_id>/",
        views.meeting_item,
        name="meeting_item",
    ),
    path("cases/<int:case_id>/flag/", views.case_flag, name="case_flag"),
    path("tasks/<int:task_id>/done/", views.task_done, name="task_done"),
]
