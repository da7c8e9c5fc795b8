"""The benchmark's URL map: Monia's own, one empty logged-in page (the framework floor) and
one empty page in Monia's layout (the layout floor).

Used only by ``bench/run.py --floors`` (``floors.FLOOR_URLCONF``), never by the project:
the production URL map has no such page. The page's name has no rule in
``access/url_rules.py``, so the middleware treats it as any staff page (session, user,
second factor, confinement, no-store, security headers) — the work every page pays before
its view runs and after it returns. The layout page adds what every page of Monia shows
around its content: the header's menu, search, language choice, unread notices and footer.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import path

from monia.urls import handler500
from monia.urls import urlpatterns as monia_patterns

FLOOR_PATH = "/bench/floor/"
LAYOUT_PATH = "/bench/layout/"
_IN_LAYOUT = engines["django"].from_string(
    '{% extends "base.html" %}{% block title %}.{% endblock %}'
)


@login_required
def empty_page(request: HttpRequest) -> HttpResponse:
    """A logged-in page with nothing on it."""
    return HttpResponse(b"<!doctype html><title>.</title>", content_type="text/html; charset=utf-8")


@login_required
def layout_page(request: HttpRequest) -> HttpResponse:
    """A logged-in page with nothing in Monia's layout."""
    return HttpResponse(_IN_LAYOUT.render({}, request))


urlpatterns = [
    path(FLOOR_PATH.strip("/") + "/", empty_page, name="bench_floor"),
    path(LAYOUT_PATH.strip("/") + "/", layout_page, name="bench_layout"),
    *monia_patterns,
]

__all__ = ["handler500", "urlpatterns"]
