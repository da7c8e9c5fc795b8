"""Developer groups: members, meetings with agenda and memo, the backlog of ideas."""

from django.urls import URLPattern, URLResolver, path

from monia.devgroups import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("develop/groups/", views.devgroups, name="devgroups"),
    path("develop/groups/new/", views.devgroup_new, name="devgroup_new"),
    path("develop/groups/<int:group_id>/", views.devgroup_detail, name="devgroup_detail"),
    path("develop/groups/<int:group_id>/edit/", views.devgroup_edit, name="devgroup_edit"),
    path("develop/groups/<int:group_id>/members/", views.devgroup_members, name="devgroup_members"),
    path(
        "develop/groups/<int:group_id>/members/<int:membership_id>/remove/",
        views.devgroup_member_remove,
        name="devgroup_member_remove",
    ),
    path(
        "develop/groups/<int:group_id>/meetings/new/",
        views.devgroup_meeting_new,
        name="devgroup_meeting_new",
    ),
    path(
        "develop/groups/<int:group_id>/meetings/<int:meeting_id>/",
        views.devgroup_meeting,
        name="devgroup_meeting",
    ),
    path(
        "develop/groups/<int:group_id>/ideas/new/",
        views.devgroup_idea_new,
        name="devgroup_idea_new",
    ),
    path(
        "develop/groups/<int:group_id>/ideas/<int:idea_id>/",
        views.devgroup_idea_edit,
        name="devgroup_idea_edit",
    ),
]
