"""The staffing statistic and the yearly child welfare statistics (the senior official)."""

from django.urls import path

from monia.reporting import caseload_views, yearly_views

urlpatterns = [
    path("statistics/caseload/", caseload_views.statistics_caseload, name="statistics_caseload"),
    path(
        "statistics/caseload/export/",
        caseload_views.statistics_caseload_export,
        name="statistics_caseload_export",
    ),
    path(
        "statistics/caseload/children/",
        caseload_views.statistics_caseload_children,
        name="statistics_caseload_children",
    ),
    path("statistics/yearly/", yearly_views.statistics_yearly, name="statistics_yearly"),
    path(
        "statistics/yearly/export/",
        yearly_views.statistics_yearly_export,
        name="statistics_yearly_export",
    ),
    path(
        "statistics/yearly/children/",
        yearly_views.statistics_yearly_children,
        name="statistics_yearly_children",
    ),
]
