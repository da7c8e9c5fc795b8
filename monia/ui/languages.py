"""Master data written in Finnish with optional Swedish and English variants (a county's
controller, a worker's title, a questionnaire's purpose, a peer group's texts, an appeal
authority's address): which one a reader or a document gets. The Finnish text is the
register's own and always there; a variant that was left empty falls back to it, as
``County.localized_name`` does. Imports nothing of Monia."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext_lazy as _

# The languages Monia writes documents in (a decision, a letter, a plan's PDF, the minutes):
# the national languages; a reader of any other language gets the Finnish document.
DOCUMENT_LANGUAGES = (("fi", _("Finnish")), ("sv", _("Swedish")))
DOCUMENT_LANGUAGE_CODES = tuple(code for code, _label in DOCUMENT_LANGUAGES)


def document_language_for(language: str | None) -> str:
    """The language of a document for a reader of ``language``: theirs if Monia writes
    documents in it, else Finnish."""
    return language if language in DOCUMENT_LANGUAGE_CODES else DOCUMENT_LANGUAGE_CODES[0]


def in_language(language: str | None, *, fi: str, sv: str = "", en: str = "") -> str:
    """The text for ``language`` ("sv", "en", or a regional code such as "sv-fi"), else
    the Finnish one."""
    chosen = {"sv": sv, "en": en}.get((language or "")[:2], "")
    return chosen if chosen.strip() else fi


def in_reader_language(*, fi: str, sv: str = "", en: str = "") -> str:
    """The text for the language the page is being written in (the active one)."""
    return in_language(translation.get_language(), fi=fi, sv=sv, en=en)
