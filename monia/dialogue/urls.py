from django.urls import path

from monia.dialogue import coresearch_views, staff_views, views

urlpatterns = [
    path("portal/<int:case_id>/messages/", views.portal_messages, name="portal_messages"),
    path("portal/<int:case_id>/journal/", views.portal_journal, name="portal_journal"),
    path("cases/<int:case_id>/messages/", staff_views.case_messages, name="case_messages"),
    path(
        "cases/<int:case_id>/messages/<int:thread_id>/",
        staff_views.case_message_thread,
        name="case_message_thread",
    ),
    path("cases/<int:case_id>/journal/", staff_views.case_journal, name="case_journal"),
    path("develop/coresearch/", coresearch_views.coresearch_report, name="coresearch_report"),
]
