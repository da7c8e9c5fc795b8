from django.urls import path

from monia.experts import views

urlpatterns = [
    path("experts/", views.expert_groups, name="expert_groups"),
    path("experts/sessions/<int:session_id>/", views.expert_session, name="expert_session"),
    path("cases/<int:case_id>/expert-group/new/", views.expert_case_new, name="expert_case_new"),
    path(
        "cases/<int:case_id>/expert-group/<int:expert_case_id>/statement/",
        views.expert_statement,
        name="expert_statement",
    ),
]
