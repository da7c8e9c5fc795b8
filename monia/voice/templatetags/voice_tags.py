"""The clients' voices on the staff pages of other apps, fetched here so those apps' views
stay as they are: the page's own view has already opened the case through the policy
(``case_get_for_user``, logged), and these tags read only within that case."""

from __future__ import annotations

from django import template
from django.template import Context

from monia.casework.models import Case
from monia.netmeet.models import NetworkMeeting
from monia.systemic.models import AgendaItem
from monia.voice import selectors

register = template.Library()


@register.simple_tag
def meeting_voices(meeting: NetworkMeeting) -> selectors.MeetingVoices:
    """My voice entries and "Were you heard?" answers of one network meeting."""
    return selectors.meeting_voices(meeting)


@register.simple_tag
def item_voices(item: AgendaItem) -> selectors.ItemVoices:
    """A family's My voice entries since the team last discussed the family."""
    return selectors.voices_since_last_discussed(item)


@register.simple_tag(takes_context=True)
def voice_entry_for_key(context: Context, case: Case, key: str) -> selectors.EntryView | None:
    """The My voice entry a young person asked to keep from the guardians (the portal page
    of the case shows it beside each request). The entries of every open request are read
    once per page, not once a request; any other key is read on its own."""
    cache = context.render_context
    asked = cache.get(("voice_entries_asked_about", case.pk))
    if asked is None:
        asked = cache[("voice_entries_asked_about", case.pk)] = selectors.entries_asked_about(case)
    return asked.get(key) or selectors.entry_for_key(case, key)


@register.simple_tag
def heard_open(meeting: NetworkMeeting) -> bool:
    """Whether the portal asks "Were you heard?" about this meeting now."""
    return selectors.heard_open(meeting)
