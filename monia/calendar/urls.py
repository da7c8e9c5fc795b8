from django.urls import path

from monia.calendar import views

urlpatterns = [
    path("calendar/", views.calendar, name="calendar"),
    path("calendar/feed/", views.feed_manage, name="calendar_feed_manage"),
    path("calendar/feed/<str:token>.ics", views.feed, name="calendar_feed"),
]
