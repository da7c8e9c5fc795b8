from django.urls import path

from monia.netmeet import views

urlpatterns = [
    path(
        "cases/<int:case_id>/network-meetings/",
        views.case_network_meetings,
        name="case_network_meetings",
    ),
    path(
        "cases/<int:case_id>/network-meetings/<int:meeting_id>/",
        views.network_meeting_detail,
        name="network_meeting_detail",
    ),
    path(
        "cases/<int:case_id>/network-meetings/<int:meeting_id>/attachments/",
        views.network_meeting_attachments,
        name="network_meeting_attachments",
    ),
    path(
        "network-meetings/<int:meeting_id>/attachments/<int:attachment_id>/",
        views.partner_network_meeting_attachment,
        name="partner_network_meeting_attachment",
    ),
    path("network-meetings/", views.partner_network_meetings, name="partner_network_meetings"),
    path(
        "network-meetings/<int:meeting_id>/",
        views.partner_network_meeting,
        name="partner_network_meeting",
    ),
]
