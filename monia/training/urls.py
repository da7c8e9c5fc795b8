"""Each worker's completed modules of the systemic model and the share trained per team."""

from django.urls import URLPattern, URLResolver, path

from monia.training import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("develop/training/", views.training_mine, name="training_mine"),
    path("develop/training/teams/<int:team_id>/", views.training_team, name="training_team"),
    path("develop/training/county/", views.training_county, name="training_county"),
    path("develop/training/record/", views.training_record, name="training_record"),
    path("develop/training/modules/new/", views.training_module_new, name="training_module_new"),
]
