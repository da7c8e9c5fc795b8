from django.contrib.auth import views as auth_views
from django.urls import path

from monia.web import search_views, security, views

urlpatterns = [
    # Django's language switch, which also remembers a logged-in user's choice.
    path("i18n/setlang/", views.language_set, name="set_language"),
    path("", views.dashboard, name="dashboard"),
    path("caseload/", views.caseload, name="caseload"),
    path("search/", search_views.client_search, name="client_search"),
    path("login/", views.LoginView.as_view(), name="login"),
    # For the load balancer: the process is up / the database answers. No client data.
    path("healthz", security.healthz, name="healthz"),
    path("readyz", security.readyz, name="readyz"),
    path("logout/", auth_views.LogoutView.as_view(next_page="login"), name="logout"),
]
