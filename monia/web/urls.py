from django.contrib.auth import views as auth_views
from django.urls import path

from monia.web import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("caseload/", views.caseload, name="caseload"),
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="web/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(next_page="login"), name="logout"),
]
