"""The one form of the archive page: the start button, with its submission key."""

from __future__ import annotations

import uuid
from typing import Any

from django.utils.translation import gettext_lazy as _

from monia.casework.forms import submission_key_field
from monia.ui.fields import MoniaForm


class ExportStartForm(MoniaForm):
    submission_key = submission_key_field()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["submission_key"].label = _("Form key")
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4())
