"""The register of experts by experience, their assignments, fees and the payroll export.
Rules: access/url_rules.py ("-- experts by experience")."""

from django.urls import URLPattern, URLResolver, path

from monia.experience import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("develop/experts/", views.experience_register, name="experience_register"),
    path("develop/experts/new/", views.experience_expert_new, name="experience_expert_new"),
    path("develop/experts/<int:expert_id>/", views.experience_expert, name="experience_expert"),
    path(
        "develop/experts/<int:expert_id>/edit/",
        views.experience_expert_edit,
        name="experience_expert_edit",
    ),
    path(
        "develop/experts/<int:expert_id>/assignments/new/",
        views.experience_assignment_new,
        name="experience_assignment_new",
    ),
    path(
        "develop/experts/assignments/<int:assignment_id>/",
        views.experience_assignment_edit,
        name="experience_assignment_edit",
    ),
    path("develop/experts/payroll/", views.experience_payroll, name="experience_payroll"),
    path(
        "develop/experts/payroll/export/",
        views.experience_payroll_export,
        name="experience_payroll_export",
    ),
    path("develop/my-assignments/", views.experience_mine, name="experience_mine"),
    path(
        "develop/my-assignments/<int:assignment_id>/decline-fee/",
        views.experience_fee_decline,
        name="experience_fee_decline",
    ),
    path("develop/experts-by-experience/", views.experience_find, name="experience_find"),
]
