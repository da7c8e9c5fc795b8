from django.urls import path

from monia.reporting import thl_views

urlpatterns = [
    path("statistics/thl/", thl_views.thl_processing_times, name="thl_processing_times"),
    path("statistics/thl/children/", thl_views.thl_children, name="thl_children"),
    path("statistics/thl/export.<str:fmt>", thl_views.thl_export, name="thl_export"),
    path("statistics/thl/counties/", thl_views.thl_compare, name="thl_compare"),
    path(
        "statistics/thl/counties/<int:run_id>.<str:fmt>",
        thl_views.thl_compare_file,
        name="thl_compare_file",
    ),
]
