from django.urls import path

from monia.rights import views

urlpatterns = [
    path(
        "password/link/<uidb64>/<token>/",
        views.PasswordSetView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/link/done/", views.PasswordSetDoneView.as_view(), name="password_reset_complete"
    ),
]
