"""The file input every owner's form uses: one file, checked by the service."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from monia.attachments.content import EXTENSIONS
from monia.attachments.services import FIELD, attachment_check
from monia.ui.fields import MoniaForm

# A hint for the browser's file chooser; the content decides (content.sniff).
ACCEPT = ",".join(f".{ext}" for exts in EXTENSIONS.values() for ext in exts)


class CheckedFileField(forms.FileField):
    """A file input whose file is checked on the form too (kind and size, in the user's
    language), so its message shows with the form's other errors; the value is the
    ``CheckedFile`` the services take (they check again when called otherwise)."""

    def clean(self, data: Any, initial: Any = None) -> Any:
        upload = super().clean(data, initial)
        if not upload:
            return None
        try:
            return attachment_check(upload)
        except ValidationError as exc:
            raise ValidationError(exc.message_dict[FIELD]) from None


def attachment_field(*, required: bool, label: str | None = None) -> forms.FileField:
    return CheckedFileField(
        label=label or _("Attachment"),
        required=required,
        max_length=300,
        allow_empty_file=True,  # the service says "the file is empty" in its own words
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
        help_text=_(
            "A PDF, a picture (PNG, JPEG, HEIC) or an office document (Word, Excel, "
            "PowerPoint, OpenDocument)."
        ),
    )


class AttachmentForm(MoniaForm):
    attachment = attachment_field(required=True)
