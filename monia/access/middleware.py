"""Clients of the participation portal stay in the portal.

A portal client (role "client") reaches only the pages whose rule in ``url_rules.py`` is
PUBLIC, PORTAL or PORTAL_CASE; every other URL — staff pages, the partner pages, the API,
the admin site — answers 404, exactly like a missing page. The views' own checks stay in
place; this is the same decision made once more, from the rule table, before any view runs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import ResolverMatch

from monia.access.url_rules import NAMESPACE_RULES, URL_RULES, Rule

CLIENT_RULES = frozenset({Rule.PUBLIC, Rule.PORTAL, Rule.PORTAL_CASE})
# The front page sends a client on to the portal.
CLIENT_REDIRECTS = frozenset({"dashboard"})


def rule_for(match: ResolverMatch) -> Rule | None:
    for namespace in match.namespaces:
        if namespace in NAMESPACE_RULES:
            return NAMESPACE_RULES[namespace]
    return URL_RULES.get(match.url_name or "")


class ClientConfinementMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any
    ) -> None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or getattr(user, "role", "") != "client":
            return
        match = request.resolver_match
        if match is None or match.url_name in CLIENT_REDIRECTS:
            return
        if rule_for(match) not in CLIENT_RULES:
            raise Http404
