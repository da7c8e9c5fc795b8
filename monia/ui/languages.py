"""Master data written in Finnish with optional Swedish and English variants (a county's
controller, a worker's title, a questionnaire's purpose, a peer group's texts, an appeal
authority's address): which one a reader or a document gets. The Finnish text is the
register's own and always there; a variant that was left empty falls back to it, as
``County.localized_name`` does. Imports nothing of Monia."""

from __future__ import annotations

from django.utils import translation


def in_language(language: str | None, *, fi: str, sv: str = "", en: str = "") -> str:
    """The text for ``language`` ("sv", "en", or a regional code such as "sv-fi"), else
    the Finnish one."""
    chosen = {"sv": sv, "en": en}.get((language or "")[:2], "")
    return chosen if chosen.strip() else fi


def in_reader_language(*, fi: str, sv: str = "", en: str = "") -> str:
    """The text for the language the page is being written in (the active one)."""
    return in_language(translation.get_language(), fi=fi, sv=sv, en=en)
