"""Peer groups for workers and clients: facilitators, sign-up, a shared journal."""

from django.urls import URLPattern, URLResolver, path

from monia.peer import portal_views, views

urlpatterns: list[URLPattern | URLResolver] = [
    path("develop/peer/", views.peer_groups, name="peer_groups"),
    path("develop/peer/new/", views.peer_group_new, name="peer_group_new"),
    path("develop/peer/<int:group_id>/", views.peer_group, name="peer_group"),
    path("develop/peer/<int:group_id>/edit/", views.peer_group_edit, name="peer_group_edit"),
    path("develop/peer/<int:group_id>/join/", views.peer_group_join, name="peer_group_join"),
    path("develop/peer/<int:group_id>/leave/", views.peer_group_leave, name="peer_group_leave"),
    path(
        "develop/peer/<int:group_id>/sign-up/", views.peer_group_sign_up, name="peer_group_sign_up"
    ),
    path("portal/peer/", portal_views.portal_peer, name="portal_peer"),
    path("portal/peer/<int:group_id>/", portal_views.portal_peer_group, name="portal_peer_group"),
    path(
        "portal/peer/<int:group_id>/join/", portal_views.portal_peer_join, name="portal_peer_join"
    ),
    path(
        "portal/peer/<int:group_id>/leave/",
        portal_views.portal_peer_leave,
        name="portal_peer_leave",
    ),
]
