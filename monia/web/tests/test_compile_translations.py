"""make run compiles the catalogues in the process that then serves: it must serve them."""

from __future__ import annotations

from django.core.management import call_command
from django.utils import translation
from django.utils.translation import trans_real


def test_a_process_that_read_translations_before_compiling_serves_the_compiled_ones() -> None:
    class Stale(trans_real.DjangoTranslation):
        def gettext(self, message: str) -> str:  # a catalogue read before ours existed
            return message

    trans_real._translations = {"fi": Stale("fi")}
    with translation.override("fi"):
        assert translation.gettext("I don't feel safe") == "I don't feel safe"
    call_command("compile_translations")
    with translation.override("fi"):
        assert translation.gettext("I don't feel safe") == "En tunne oloani turvalliseksi"


def test_a_process_that_read_an_old_catalogue_serves_the_recompiled_one(tmp_path: object) -> None:
    """The standard library caches each parsed .mo file by its path: recompiling must drop
    that cache as well, or a test session that started before the compile reads old words."""
    import gettext as gettext_module
    from pathlib import Path

    from django.conf import settings

    mo = Path(settings.LOCALE_PATHS[0]) / "fi" / "LC_MESSAGES" / "django.mo"
    stale = gettext_module.NullTranslations()  # what an old .mo without the string gives
    gettext_module._translations[(trans_real.DjangoTranslation, str(mo))] = stale  # type: ignore[attr-defined]
    gettext_module._translations[(gettext_module.GNUTranslations, str(mo))] = stale  # type: ignore[attr-defined]
    call_command("compile_translations")
    with translation.override("fi"):
        assert translation.gettext("I don't feel safe") == "En tunne oloani turvalliseksi"
