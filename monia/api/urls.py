"""``/api/v1/``: the JSON API, its OpenAPI document (``openapi.json``) and docs (``docs``)."""

from django.urls import path

from monia.api.api import api

urlpatterns = [
    path("", api.urls),
]
