"""The one form of the archive page: the start button, with its submission key."""

from __future__ import annotations

from monia.casework.forms import SentOnceForm


class ExportStartForm(SentOnceForm):
    key_required = True
