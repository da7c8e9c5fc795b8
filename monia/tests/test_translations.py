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


def test_no_string_is_marked_for_translation_inside_an_f_string() -> None:
    """xgettext does not read into f-strings: a ``_("…")`` inside one is never extracted,
    so it is never translated and the test above cannot see it (a guardian's Finnish
    "Who has seen my data" once said "(the child or young person)" in English)."""
    import ast

    marks = {"_", "gettext", "gettext_lazy", "pgettext", "ngettext", "npgettext", "gettext_noop"}
    found = []
    for path in sorted((ROOT / "monia").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.JoinedStr):
                continue
            for call in ast.walk(node):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Name)
                    and call.func.id in marks
                    and call.args
                    and isinstance(call.args[0], ast.Constant)
                ):
                    found.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert found == []


def test_swedish_spells_klient_with_a_k() -> None:
    """The portal's demo identification asked for a "Democlientens personbeteckning"."""
    po = polib.pofile(str(ROOT / "monia" / "locale" / "sv" / "LC_MESSAGES" / "django.po"))
    english = [e.msgstr for e in po if "client" in e.msgstr.lower()]
    assert english == []


def test_swedish_never_calls_a_worker_an_employee() -> None:
    """An "arbetstagare" is an employee of labour law: the family's worker is their
    "socialarbetare" (Finland-Swedish child welfare), staff in general "medarbetare"."""
    po = polib.pofile(str(ROOT / "monia" / "locale" / "sv" / "LC_MESSAGES" / "django.po"))
    employee = [e.msgstr for e in po if "arbetstagar" in e.msgstr.lower()]
    assert employee == []


# Words Monia's catalogue gives otherwise than Django's, reviewed: the same meaning in
# Monia's own wording (Django reads Monia's catalogue first, so these win everywhere).
OWN_WORDING = {
    "Administration",
    "Change password",
    "Description",
    "English",
    "Finnish",
    "Page not found",
    "Personal info",
    "Save",
    "Search",
    "Set password",
    "Summary",
    "Swedish",
    "Time",
    "Your password was changed.",
    "active",
}


def test_monias_words_do_not_change_the_meaning_of_djangos_own() -> None:
    """Monia's catalogue comes first for every string, Django's admin and forms too: its
    "Change" (of the language form) made every admin's change link read "Vaihda kieli",
    "and" turned Django's lists into "a ja henkilö b", "Close" into "near". A word Monia
    means otherwise carries a context; one it merely words otherwise is reviewed above."""
    import django
    from django.apps import apps

    catalogues = [Path(django.__file__).parent / "conf" / "locale"]
    catalogues += [Path(a.path) / "locale" for a in apps.get_app_configs()]
    for language in ("fi", "sv"):
        ours = {
            e.msgid: e.msgstr
            for e in polib.pofile(str(ROOT / f"monia/locale/{language}/LC_MESSAGES/django.po"))
            if e.msgstr and not e.msgctxt
        }
        clashes, shared = set(), 0
        for folder in catalogues:
            po = folder / language / "LC_MESSAGES" / "django.po"
            if po.resolve().is_relative_to(ROOT / "monia") or not po.exists():
                continue
            for entry in polib.pofile(str(po)):
                shared += entry.msgid in ours
                mine = ours.get(entry.msgid)
                if entry.msgctxt or not entry.msgstr or mine in (None, entry.msgstr):
                    continue
                if entry.msgid not in OWN_WORDING:
                    clashes.add(f"{entry.msgid!r}: Django {entry.msgstr!r}, Monia {mine!r}")
        assert shared > 20, "Django's own catalogues were not read"
        assert clashes == set(), language
