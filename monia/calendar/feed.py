"""The calendar as iCalendar (RFC 5545) for Outlook: times, a kind and a link — no name,
no place, no case text. The link opens the item in Monia, behind the login and the
access rules; whoever reads the feed learns only when the worker is busy.

``icalendar`` does the escaping, line folding and time zones.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from monia.calendar.selectors import CHILD_MEETING, DEADLINE, NETWORK_MEETING, TEAM_MEETING, Item

MEETING_LENGTH = datetime.timedelta(hours=1)


def _summary(item: Item) -> str:
    """A generic title in the reader's language: what kind of thing, never whose."""
    return {
        CHILD_MEETING: _("Meeting with a child"),
        NETWORK_MEETING: _("Network meeting"),
        TEAM_MEETING: _("Team meeting"),
        DEADLINE: _("Deadline"),
    }[item.kind]


def feed_ics(items: Iterable[Item], *, base_url: str, now: datetime.datetime) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Monia//Calendar//FI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Monia")
    for item in items:
        event = Event()
        event.add("uid", f"{item.uid}@monia")
        event.add("dtstamp", now)
        if item.at is not None:
            start = timezone.localtime(item.at)
            event.add("dtstart", start)
            event.add("dtend", start + MEETING_LENGTH)
        else:
            event.add("dtstart", item.day)
            event.add("dtend", item.day + datetime.timedelta(days=1))
            event.add("transp", "TRANSPARENT")
        event.add("summary", _summary(item))
        link = base_url.rstrip("/") + item.url
        event.add("url", link)
        event.add("description", link)
        event.add("class", "PRIVATE")
        cal.add_component(event)
    return cal.to_ical()
