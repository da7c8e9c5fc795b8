"""URLs of the genogram and the ecomap; each has its access rule in access/url_rules.py."""

from django.urls import path

from monia.systemic import diagram_views as views

urlpatterns = [
    path("cases/<int:case_id>/genogram/", views.genogram_page, name="genogram"),
    path("cases/<int:case_id>/genogram.svg", views.genogram_svg, name="genogram_svg"),
    path("cases/<int:case_id>/genogram.pdf", views.genogram_pdf, name="genogram_pdf"),
    path(
        "cases/<int:case_id>/genogram/ties/new/",
        views.emotional_tie_new,
        name="emotional_tie_new",
    ),
    path(
        "cases/<int:case_id>/genogram/versions/new/",
        views.genogram_snapshot_new,
        name="genogram_snapshot_new",
    ),
    path("cases/<int:case_id>/ecomap/", views.ecomap_page, name="ecomap"),
    path("cases/<int:case_id>/ecomap.svg", views.ecomap_svg, name="ecomap_svg"),
    path("cases/<int:case_id>/ecomap.pdf", views.ecomap_pdf, name="ecomap_pdf"),
    path("cases/<int:case_id>/ecomap/ties/new/", views.network_tie_new, name="network_tie_new"),
    path("cases/<int:case_id>/ecomap/ties/end/", views.network_tie_end, name="network_tie_end"),
    path(
        "cases/<int:case_id>/ecomap/versions/new/",
        views.ecomap_snapshot_new,
        name="ecomap_snapshot_new",
    ),
]
