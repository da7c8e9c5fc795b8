from django.urls import path

from monia.portal import staff_views, views

urlpatterns = [
    path("portal/login/", views.portal_login, name="portal_login"),
    path("portal/demo-login/", views.portal_demo_login, name="portal_demo_login"),
    path("portal/logout/", views.portal_logout, name="portal_logout"),
    path("portal/", views.portal_home, name="portal_home"),
    path("portal/unsent/", views.portal_unsent, name="portal_unsent"),
    path("portal/safety/", views.portal_safety_general, name="portal_safety_general"),
    path("portal/<int:case_id>/", views.portal_case, name="portal_case"),
    path("portal/<int:case_id>/plan/", views.portal_plan, name="portal_plan"),
    path("portal/<int:case_id>/decisions/", views.portal_decisions, name="portal_decisions"),
    path("portal/<int:case_id>/meetings/", views.portal_meetings, name="portal_meetings"),
    path("portal/<int:case_id>/safety/", views.portal_safety, name="portal_safety"),
    path("portal/<int:case_id>/who-viewed/", views.portal_who_viewed, name="portal_who_viewed"),
    path("portal/<int:case_id>/who-sees/", views.portal_privacy, name="portal_privacy"),
    path("cases/<int:case_id>/portal/", staff_views.case_portal, name="case_portal"),
    path(
        "cases/<int:case_id>/portal/family-version/",
        staff_views.case_portal_family_version,
        name="case_portal_family_version",
    ),
    path(
        "cases/<int:case_id>/portal/family-version/withdraw/",
        staff_views.case_portal_family_version_withdraw,
        name="case_portal_family_version_withdraw",
    ),
    path(
        "cases/<int:case_id>/portal/requests/",
        staff_views.case_portal_request_decide,
        name="case_portal_request_decide",
    ),
    path(
        "cases/<int:case_id>/portal/hidden/",
        staff_views.case_portal_document_hide,
        name="case_portal_document_hide",
    ),
    path(
        "cases/<int:case_id>/portal/hidden/<int:restriction_id>/show/",
        staff_views.case_portal_document_show,
        name="case_portal_document_show",
    ),
    path(
        "cases/<int:case_id>/portal/child-access/",
        staff_views.case_portal_child_access,
        name="case_portal_child_access",
    ),
    path(
        "cases/<int:case_id>/portal/alerts/<int:alert_id>/handled/",
        staff_views.case_portal_alert_handle,
        name="case_portal_alert_handle",
    ),
]
