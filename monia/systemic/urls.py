from django.urls import path

from monia.systemic import fidelity_views, item_views, views

urlpatterns = [
    path("teams/", views.teams, name="teams"),
    path("team/", views.caseboard, name="caseboard"),
    path("team/meetings/", views.meetings, name="meetings"),
    path("team/fidelity/", fidelity_views.systemic_fidelity, name="systemic_fidelity"),
    path("team/meetings/<int:meeting_id>/", views.meeting_detail, name="meeting_detail"),
    path(
        "team/meetings/<int:meeting_id>/order/",
        views.meeting_agenda_order,
        name="meeting_agenda_order",
    ),
    path(
        "team/meetings/<int:meeting_id>/attendance/",
        views.meeting_attendance,
        name="meeting_attendance",
    ),
    path("team/meetings/<int:meeting_id>/close/", views.meeting_close, name="meeting_close"),
    path(
        "team/meetings/<int:meeting_id>/items/<int:item_id>/",
        item_views.meeting_item,
        name="meeting_item",
    ),
    path(
        "team/meetings/<int:meeting_id>/items/<int:item_id>/reflection/",
        item_views.meeting_item_reflection,
        name="meeting_item_reflection",
    ),
    path(
        "team/meetings/<int:meeting_id>/items/<int:item_id>/hypotheses/",
        item_views.meeting_item_hypothesis_add,
        name="meeting_item_hypothesis_add",
    ),
    path(
        "team/meetings/<int:meeting_id>/items/<int:item_id>/hypotheses/<int:hypothesis_id>/",
        item_views.meeting_item_hypothesis_revise,
        name="meeting_item_hypothesis_revise",
    ),
    path(
        "team/meetings/<int:meeting_id>/items/<int:item_id>/steps/",
        item_views.meeting_item_step_add,
        name="meeting_item_step_add",
    ),
    path("cases/<int:case_id>/flag/", views.case_flag, name="case_flag"),
    path("tasks/<int:task_id>/done/", views.task_done, name="task_done"),
]
