"""The participation certificate (osallistumistodistus): a `Document` in the participant's
language naming the person, the event, the sessions attended and the hours."""

from __future__ import annotations

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from monia.events import selectors
from monia.events.models import Registration
from monia.ui.document import Document, Section
from monia.ui.pdf import date_text


def certificate_document(registration: Registration) -> Document:
    event, person = registration.event, registration.user
    language = person.language or "fi"
    attended = selectors.attended_sessions(registration)
    organisation = getattr(person, "organisation", None)
    with translation.override(language):
        rows = [
            (_("Participant"), person.display_name),
            *([(_("Organisation"), organisation.name)] if organisation else []),
            (_("Event"), event.title),
            (_("Kind"), event.get_kind_display()),
            (
                _("Hours"),
                formats.number_format(selectors.certificate_hours(event, len(attended)), 1),
            ),
        ]
        sessions = tuple(
            _("%(date)s, %(start)s–%(end)s")
            % {
                "date": date_text(timezone.localtime(s.starts_at).date()),
                "start": timezone.localtime(s.starts_at).strftime("%H:%M"),
                "end": timezone.localtime(s.ends_at).strftime("%H:%M"),
            }
            for s in attended
        )
        county = event.county.name_sv if language == "sv" else event.county.name_fi
        return Document(
            title=_("Certificate of participation"),
            subject=person.display_name,
            date=timezone.localdate(),
            language=language,
            county=county,
            controller="",
            sections=(
                Section(
                    "",
                    (
                        _("%(name)s took part in the event “%(event)s”.")
                        % {"name": person.display_name, "event": event.title},
                    ),
                    tuple(rows),
                ),
                Section(_("Sessions attended"), sessions),
            ),
            confidential=False,
        )
