"""Every visible string is translated: Finnish first, Swedish complete.

The catalogues are extracted afresh from a copy of the source (GNU gettext's xgettext, as
``make messages`` does) and merged with the committed translations; any string left
without Finnish or Swedish, or marked fuzzy, fails here — so a new page cannot ship in
English only. msgfmt checks that the placeholders of each translation match the original.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[2]


def _fresh_catalogues(tmp_path: Path) -> Path:
    assert shutil.which("xgettext") and shutil.which("msgmerge"), (
        "GNU gettext is needed: scripts/ensure_chromium.sh installs it"
    )
    shutil.copytree(
        ROOT / "monia", tmp_path / "monia", ignore=shutil.ignore_patterns("*.mo", "__pycache__")
    )
    shutil.copy(ROOT / "manage.py", tmp_path / "manage.py")
    subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", "makemessages", "-l", "fi", "-l", "sv", "--no-obsolete"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    return tmp_path / "monia" / "locale"


def test_every_string_has_finnish_and_swedish(tmp_path: Path) -> None:
    locale = _fresh_catalogues(tmp_path)
    missing = {}
    for language in ("fi", "sv"):
        po = polib.pofile(str(locale / language / "LC_MESSAGES" / "django.po"))
        gaps = [e.msgid for e in po.untranslated_entries()] + [e.msgid for e in po.fuzzy_entries()]
        if gaps:
            missing[language] = gaps
    assert missing == {}, "add these to monia/locale/{fi,sv}/LC_MESSAGES/django.po"


def test_translations_keep_their_placeholders() -> None:
    for language in ("fi", "sv"):
        po = ROOT / "monia" / "locale" / language / "LC_MESSAGES" / "django.po"
        result = subprocess.run(  # noqa: S603 - fixed arguments
            ["msgfmt", "--check-format", "-o", "/dev/null", str(po)],  # noqa: S607
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
