"""``/api/v1/``: the JSON API, its OpenAPI document (``openapi.json``) and docs (``docs``).

Any other path under it answers the API's JSON 404 (``{"detail": "Not Found"}``), in the
API's namespace so that its access rule is the API's.
"""

from django.urls import path

from monia.api.api import api, not_found

_patterns, _app, _namespace = api.urls
_unknown = path("<path:rest>", not_found, name="not_found")

urlpatterns = [path("", ([*_patterns, _unknown], _app, _namespace))]
