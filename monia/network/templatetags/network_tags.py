"""The network's part of casework pages, fetched here so casework never imports a higher
app: the page's own view has already opened the case through the policy (logged), and
these tags read only within that case."""

from __future__ import annotations

from django import template
from django.utils import timezone

from monia.casework.models import Case
from monia.network import referral_selectors

register = template.Library()


@register.simple_tag
def services_around(case: Case) -> list[referral_selectors.ServiceRow]:
    """The services around the child now (support referrals and measures), for the plan."""
    return referral_selectors.coordinated_services(case, timezone.localdate())
