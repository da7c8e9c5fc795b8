from django.urls import path

from monia.reporting import views

urlpatterns = [
    path("statistics/", views.statistics_home, name="statistics"),
]
