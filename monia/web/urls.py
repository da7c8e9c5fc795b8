from django.urls import path

from monia.accounts import oidc_views
from monia.web import develop_views, password_views, search_views, security, views

urlpatterns = [
    # Django's language switch, which also remembers a logged-in user's choice.
    path("i18n/setlang/", views.language_set, name="set_language"),
    path("", views.dashboard, name="dashboard"),
    path("caseload/", views.caseload, name="caseload"),
    path("search/", search_views.client_search, name="client_search"),
    # The development network's page (issue 16): each app's links for the user.
    path("develop/", develop_views.develop, name="develop"),
    path("login/", views.LoginView.as_view(), name="login"),
    # Sent after the session had ended: to send after logging in again (accounts/unsent.py).
    path("login/unsent/", views.unsent_resume, name="unsent_resume"),
    # For the load balancer: the process is up / the database answers. No client data.
    path("healthz", security.healthz, name="healthz"),
    path("readyz", security.readyz, name="readyz"),
    # Ends the provider's session too after a staff single sign-on (accounts/oidc_views.py).
    path("logout/", oidc_views.StaffLogoutView.as_view(), name="logout"),
    path(
        "account/password/",
        password_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
]
