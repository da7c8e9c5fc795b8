"""Self-monitoring and the development indicators (monitoring_views, indicator_views)."""

from django.urls import path

from monia.reporting import indicator_views, monitoring_views

urlpatterns = [
    path(
        "statistics/monitoring/",
        monitoring_views.statistics_monitoring,
        name="statistics_monitoring",
    ),
    path(
        "statistics/monitoring/<slug:figure>/children/",
        monitoring_views.statistics_monitoring_children,
        name="statistics_monitoring_children",
    ),
    path(
        "statistics/indicators/",
        indicator_views.statistics_indicators,
        name="statistics_indicators",
    ),
    path(
        "statistics/indicators/<slug:figure>/<str:month>/<slug:part>/children/",
        indicator_views.statistics_indicators_children,
        name="statistics_indicators_children",
    ),
]
