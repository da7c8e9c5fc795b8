"""Compile the committed .po files to .mo with polib, so no GNU gettext is needed."""

import gettext as gettext_module
from pathlib import Path

import polib
from asgiref.local import Local
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import trans_real


class Command(BaseCommand):
    help = "Compile monia/locale/*/LC_MESSAGES/*.po to .mo files."

    def handle(self, *args: object, **options: object) -> None:
        count = 0
        for locale_dir in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
                po = polib.pofile(str(po_path))
                po.save_as_mofile(str(po_path.with_suffix(".mo")))
                count += 1
        # A process that read the catalogues before they existed (make run: one process
        # compiles, migrates and serves) must read them again, or it serves Django's own;
        # the standard library keeps its own cache of parsed .mo files by path, too.
        gettext_module._translations.clear()  # type: ignore[attr-defined]
        trans_real._translations = {}
        trans_real._default = None
        trans_real._active = Local()
        self.stdout.write(f"Compiled {count} translation files.")
