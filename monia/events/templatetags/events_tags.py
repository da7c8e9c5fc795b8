"""The events' template tags: an event's facts, link lists, and the portal front page's
offer (portal_home/events.html; the portal sits below events, so it asks here)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html, format_html_join

from monia.events import selectors
from monia.events.models import Audience, Event, EventLanguage

register = template.Library()


@register.inclusion_tag("events/_facts.html")
def event_facts(event: Event, taken: int) -> dict[str, Any]:
    return {
        "event": event,
        "taken": taken,
        "audiences": [Audience(a).label for a in event.audiences],
        "languages": [EventLanguage(la).label for la in event.languages],
    }


@register.simple_tag
def links_or_lines(text: str) -> str:
    """One list item a line; a line that is a web address becomes a link."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    items = format_html_join(
        "",
        "<li>{}</li>",
        (
            (format_html('<a href="{}">{}</a>', line, line),)
            if line.startswith(("https://", "http://"))
            else (line,)
            for line in lines
        ),
    )
    return format_html("<ul>{}</ul>", items)


@register.inclusion_tag("events/_portal_offer.html", takes_context=True)
def portal_events_offer(context: Any) -> dict[str, Any]:
    user = context["request"].user
    return {"events": selectors.events_for_user(user).upcoming[:3]}
