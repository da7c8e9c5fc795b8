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
