"""The admin site as the demo's administrator finds it: every list and every add form of each
model the admin registers, and a row's own page where the demo has one, reflows at 320 px
(WCAG 1.4.10) with no axe violation. ``test_reflow`` walks Monia's own pages and skips
the admin but for the pages Monia writes templates for; this walk opens the rest, reading
the models from the admin site itself, so a model registered later is walked too.
One browser page for the whole walk keeps it within a minute."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from monia.tests import walk
from monia.tests.browser.test_reflow import WIDTH, _session_for, open_and_check


def _admin_pages(user: Any) -> list[tuple[str, str]]:
    """(URL, what it is) of the admin's index and, per registered model,
    the list, the add form (when the administrator may add) and the first row's page."""
    request = RequestFactory().get("/admin/")
    request.user = user
    pages = [(reverse("admin:index"), "index")]
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        name = f"admin:{meta.app_label}_{meta.model_name}"
        assert model_admin.has_view_or_change_permission(request), meta.label
        pages.append((reverse(f"{name}_changelist"), f"{meta.label} list"))
        if model_admin.has_add_permission(request):
            pages.append((reverse(f"{name}_add"), f"{meta.label} add"))
        first = model_admin.get_queryset(request).order_by("pk").first()
        if first is not None:
            pages.append((reverse(f"{name}_change", args=[first.pk]), f"{meta.label} row"))
    return pages


@pytest.mark.django_db(transaction=True)
def test_every_admin_list_and_form_reflows_at_320_px_with_no_axe_violation(
    browser_page: Any, live_server: Any
) -> None:
    from django.utils import timezone

    from monia.accounts.models import User
    from monia.jobs import services

    walk.demo_world(children=4)
    services.scheduled_runs_enqueue(now=timezone.now() - datetime.timedelta(hours=1))
    administrator = User.objects.get(username="admin")
    pages = _admin_pages(administrator)
    # Most models have rows in the demo: their lists show rows, and a row opens.
    assert sum(what.endswith(" row") for _, what in pages) >= 10, pages
    page = browser_page
    page.set_viewport_size({"width": WIDTH, "height": 800})
    _session_for(page, live_server.url, walk.Persona("administrator", administrator, "/admin/"))
    problems = []
    for url, what in pages:
        problems.extend(open_and_check(page, live_server.url + url, f"{what} ({url})"))
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
